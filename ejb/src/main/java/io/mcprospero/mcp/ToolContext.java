package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import io.mcprospero.mcp.mrtr.ClientAbilities;
import io.mcprospero.mcp.mrtr.Confirmation;
import io.mcprospero.mcp.mrtr.InputAnswers;
import jakarta.json.JsonObject;

/**
 * Who calls a tool and in which org, under which grant; what the client can do; the person's answers to questions of
 * an earlier round of this call; and the progress channel.
 */
public record ToolContext(Caller caller, String grantId, ClientAbilities client, InputAnswers answers, Progress progress) {

    /** The person's yes or no to an action that takes something away (see {@link Confirmation}). */
    public Confirmation.Answer confirm(JsonObject arguments, String question, String action) {
        return Confirmation.of(client, answers, arguments, question, action);
    }

    /** The person's own yes or no, never the model's (see {@link Confirmation#byPerson}). */
    public Confirmation.Answer askPerson(String question, String action) {
        return Confirmation.byPerson(client, answers, question, action);
    }
}

package io.mcprospero.mcp.mrtr;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The person's yes before an action that takes something away (removing a member, leaving an org, disabling an
 * account, rotating the master key). A client that declares form elicitation asks the person directly, and then only
 * their answer counts: a {@code confirm} argument from the model is ignored. A client without elicitation cannot ask,
 * so the tool's schema names a {@code confirm} argument, which the model may set only after asking in the conversation.
 */
public final class Confirmation {

    /** The question's key in inputRequests, and the tools' argument of the same name for clients without elicitation. */
    public static final String KEY = "confirm";

    public enum Answer { CONFIRMED, DECLINED, ASK_IN_CONVERSATION }

    private Confirmation() {
    }

    /** The person's answer to {@code question}; asks it (throws {@link InputRequired}) when it has not been answered. */
    public static Answer of(ClientAbilities client, InputAnswers answers, JsonObject arguments, String question, String action) {
        if (!client.elicitsForms()) {
            return arguments.getBoolean(KEY, false) ? Answer.CONFIRMED : Answer.ASK_IN_CONVERSATION;
        }
        JsonObject answer = answers.answer(KEY)
                .orElseThrow(() -> new InputRequired(Map.of(KEY, question(question, action))));
        JsonValue content = answer.get("content");
        boolean yes = "accept".equals(answer.getString("action", null))
                && content instanceof JsonObject form && form.getBoolean(KEY, false);
        return yes ? Answer.CONFIRMED : Answer.DECLINED;
    }

    /**
     * The person's own answer, for what only they may decide (approving an agent): never the model's argument. A
     * client that cannot ask answers {@link Answer#ASK_IN_CONVERSATION}, and the tool sends the person elsewhere.
     */
    public static Answer byPerson(ClientAbilities client, InputAnswers answers, String question, String action) {
        if (!client.elicitsForms()) {
            return Answer.ASK_IN_CONVERSATION;
        }
        return of(client, answers, JsonValue.EMPTY_JSON_OBJECT, question, action);
    }

    static InputRequest question(String question, String action) {
        JsonObject schema = Jsons.object()
                .add("type", "object")
                .add("properties", Jsons.object().add(KEY, Jsons.object()
                        .add("type", "boolean")
                        .add("title", action)
                        .add("description", "Tick to go ahead; leave it unticked, or decline, to change nothing.")
                        .add("default", false)))
                .add("required", Jsons.array().add(KEY))
                .build();
        return new InputRequest(question, schema);
    }
}

package io.mcprospero.mcp.mrtr;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;

/**
 * A question for the person, asked through the client by elicitation: in form mode the message they read and the
 * schema of what they answer; in URL mode the message and a link the client offers to open (connecting an account:
 * what the person does there never passes through the client). The same question travels in either era's shape:
 * inside an InputRequiredResult (2026-07-28) or as an elicitation/create request on the response stream (2025-11-25).
 */
public record InputRequest(String message, JsonObject requestedSchema, String url, String elicitationId) {

    public static final String ELICITATION = "elicitation/create";

    public InputRequest(String message, JsonObject requestedSchema) {
        this(message, requestedSchema, null, null);
    }

    /** A URL-mode question: the person is offered {@code url}; answering accept means they agreed to open it. */
    public static InputRequest ofUrl(String message, String url, String elicitationId) {
        return new InputRequest(message, null, url, elicitationId);
    }

    /** The params of elicitation/create. */
    public JsonObject params() {
        if (url != null) {
            return Jsons.object().add("mode", "url").add("message", message).add("url", url).add("elicitationId", elicitationId).build();
        }
        return Jsons.object().add("mode", "form").add("message", message).add("requestedSchema", requestedSchema).build();
    }

    /** The entry of an InputRequests map. */
    public JsonObject asInputRequest() {
        return Jsons.object().add("method", ELICITATION).add("params", params()).build();
    }
}

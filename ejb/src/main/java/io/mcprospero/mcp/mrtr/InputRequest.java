package io.mcprospero.mcp.mrtr;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;

/**
 * A question for the person, asked through the client by form elicitation: the message they read and the schema of
 * what they answer. The same question travels in either era's shape: inside an InputRequiredResult (2026-07-28)
 * or as an elicitation/create request on the response stream (2025-11-25).
 */
public record InputRequest(String message, JsonObject requestedSchema) {

    public static final String ELICITATION = "elicitation/create";

    /** The params of elicitation/create, form mode. */
    public JsonObject params() {
        return Jsons.object().add("mode", "form").add("message", message).add("requestedSchema", requestedSchema).build();
    }

    /** The entry of an InputRequests map. */
    public JsonObject asInputRequest() {
        return Jsons.object().add("method", ELICITATION).add("params", params()).build();
    }
}

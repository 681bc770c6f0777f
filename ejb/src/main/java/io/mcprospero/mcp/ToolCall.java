package io.mcprospero.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A tools/call as both eras receive it: the tool, its arguments, and on the retry of a multi round-trip request the
 * answers (inputResponses) and the server's requestState from the round before (null on a first call).
 */
public record ToolCall(String name, JsonObject arguments, JsonValue inputResponses, String requestState) {

    public ToolCall {
        arguments = arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments;
    }

    public static ToolCall first(String name, JsonObject arguments) {
        return new ToolCall(name, arguments, null, null);
    }
}

package io.mcprospero.mcp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 response envelopes. */
public final class JsonRpc {

    private JsonRpc() {
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, int code, String message) {
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id)
                .add("error", Json.createObjectBuilder().add("code", code).add("message", message))
                .build();
    }
}

package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 response envelopes. */
public final class JsonRpc {

    private JsonRpc() {
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsons.object().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, int code, String message) {
        return Jsons.object()
                .add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id)
                .add("error", Jsons.object().add("code", code).add("message", message))
                .build();
    }
}

package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 message envelopes. */
public final class JsonRpc {

    private JsonRpc() {
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsons.object().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, int code, String message) {
        return error(id, new JsonRpcError(code, message));
    }

    public static JsonObject error(JsonValue id, JsonRpcError error) {
        JsonObjectBuilder body = Jsons.object().add("code", error.code()).add("message", error.getMessage());
        if (error.data() != null) {
            body.add("data", error.data());
        }
        return Jsons.object()
                .add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id)
                .add("error", body)
                .build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        return Jsons.object().add("jsonrpc", "2.0").add("method", method).add("params", params).build();
    }

    public static JsonObject request(String id, String method, JsonObject params) {
        return Jsons.object().add("jsonrpc", "2.0").add("id", id).add("method", method).add("params", params).build();
    }
}

package io.mcprospero.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One JSON-RPC request or notification POSTed to /mcp, its envelope already checked by the transport: id (null for a
 * notification; else a string or number), method, params (empty when absent) and the headers the eras check.
 */
public record McpRequest(JsonValue id, String method, JsonObject params, McpHeaders headers) {

    public McpRequest {
        params = params == null ? JsonValue.EMPTY_JSON_OBJECT : params;
    }

    public boolean isNotification() {
        return id == null;
    }
}

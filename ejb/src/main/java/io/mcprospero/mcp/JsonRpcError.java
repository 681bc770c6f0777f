package io.mcprospero.mcp;

import jakarta.json.JsonValue;

/**
 * A JSON-RPC protocol error (malformed request, unknown method or tool, bad params, a header that contradicts the
 * body), as opposed to a tool's own error, which is a result the model reads. Each era decides the HTTP status.
 */
public final class JsonRpcError extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** 2026-07-28: an MCP-Protocol-Version, Mcp-Method or Mcp-Name header missing, malformed or unlike the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability that its _meta does not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the request's protocol version is not one this server speaks. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private final int code;
    private final JsonValue data;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcError(int code, String message, JsonValue data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The error's data member, or null. */
    public JsonValue data() {
        return data;
    }
}

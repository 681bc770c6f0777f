package io.mcprospero.mcp.modern;

import io.mcprospero.mcp.JsonRpcError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The per-request fields of a 2026-07-28 request's {@code params._meta}: protocol version and client capabilities
 * (required), client info, progress token and log level (optional). A missing required field, or any of them of the
 * wrong type, is a malformed request (-32602, HTTP 400).
 */
public record RequestMeta(String protocolVersion, JsonObject clientCapabilities, JsonValue progressToken) {

    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    /** Whether a request's params carry a 2026-07-28 protocol version in _meta: what makes it a modern request. */
    public static boolean declaredIn(JsonObject params) {
        return params.get("_meta") instanceof JsonObject meta && meta.containsKey(PROTOCOL_VERSION);
    }

    public static RequestMeta read(JsonObject params) {
        if (!(params.get("_meta") instanceof JsonObject meta)) {
            throw invalid("params._meta is required (with \"" + PROTOCOL_VERSION + "\" and \"" + CLIENT_CAPABILITIES
                    + "\"): a 2026-07-28 request says on itself which revision it speaks and what the client can do");
        }
        if (!(meta.get(PROTOCOL_VERSION) instanceof JsonString version) || version.getString().isBlank()) {
            throw invalid("params._meta[\"" + PROTOCOL_VERSION + "\"] is required and must be a string such as \"2026-07-28\"");
        }
        if (!(meta.get(CLIENT_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw invalid("params._meta[\"" + CLIENT_CAPABILITIES + "\"] is required and must be an object ({} declares nothing)");
        }
        JsonValue info = meta.get(CLIENT_INFO);
        if (info != null && !(info instanceof JsonObject)) {
            throw invalid("params._meta[\"" + CLIENT_INFO + "\"] must be an object {\"name\", \"version\"} when given");
        }
        JsonValue level = meta.get(LOG_LEVEL);
        if (level != null && !(level instanceof JsonString named && LOG_LEVELS.contains(named.getString()))) {
            throw invalid("params._meta[\"" + LOG_LEVEL + "\"] must be one of " + String.join(", ", LOG_LEVELS.stream().sorted().toList()));
        }
        JsonValue progressToken = meta.get("progressToken");
        if (progressToken != null && !(progressToken instanceof JsonString
                || progressToken instanceof JsonNumber number && number.isIntegral())) {
            throw invalid("params._meta.progressToken must be a string or an integer");
        }
        return new RequestMeta(version.getString(), capabilities, progressToken);
    }

    private static JsonRpcError invalid(String message) {
        return new JsonRpcError(JsonRpcError.INVALID_PARAMS, message);
    }
}

package io.mcprospero.web.mcp;

import io.mcprospero.support.Jsons;
import io.mcprospero.authz.Authorization;
import io.mcprospero.mcp.JsonRpc;
import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.mcp.LiveSession;
import io.mcprospero.mcp.McpMethods;
import io.mcprospero.mcp.McpSessions;
import io.mcprospero.mcp.ProtocolVersions;
import io.mcprospero.observability.LogContext;
import io.mcprospero.oauth.AccessTokenPrincipal;
import io.mcprospero.oauth.AccessTokens;
import io.mcprospero.oauth.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;

/**
 * The MCP Streamable HTTP transport (JSON-RPC 2.0 over POST, JSON responses). Checks what belongs to the
 * transport (Origin, session id, protocol version header, message shape) and hands the method to
 * {@link McpMethods}. The bearer token was verified before this runs, by MP-JWT with our AccessTokenStore; a request
 * without a caller that store verified gets the 401 challenge ({@link #verifiedCaller()}). Application-scoped: it holds no request state
 * (the security context it is given reads the current request's caller), so no instance is built per request.
 */
@Path("/mcp")
@ApplicationScoped
public class McpResource {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    private SecurityContext security;
    private Authorization authorization;
    private OAuthSettings settings;
    private McpMethods methods;
    private McpSessions sessions;
    private OriginPolicy origins;

    protected McpResource() {
        // for the CDI proxy
    }

    @Inject
    public McpResource(SecurityContext security, Authorization authorization, OAuthSettings settings, McpMethods methods,
                       McpSessions sessions, OriginPolicy origins) {
        this.security = security;
        this.authorization = authorization;
        this.settings = settings;
        this.methods = methods;
        this.sessions = sessions;
        this.origins = origins;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream", MediaType.WILDCARD})
    public Response post(String body,
                         @HeaderParam("Origin") String origin,
                         @HeaderParam(SESSION_HEADER) String sessionId,
                         @HeaderParam(VERSION_HEADER) String protocolVersion) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        AccessTokenPrincipal token = verifiedCaller();
        if (token == null) {
            return unauthenticated();
        }
        String userId = token.getSubject();
        // the session, when the request names one, comes with its user's state: one query answers both questions
        Optional<LiveSession> session = sessionId == null ? Optional.empty() : sessions.findLive(sessionId, userId);
        if (!session.map(LiveSession::userActive).orElseGet(() -> authorization.isActiveUser(userId))) {
            return BearerChallenge.refusedToken(settings);
        }
        LogContext.put(LogContext.USER_ID, userId);
        JsonObject message;
        try {
            message = parse(body);
        } catch (JsonRpcError e) {
            return error(400, null, e.code(), e.getMessage());
        }
        JsonValue id = message.get("id");
        if (!message.containsKey("method")) {
            // a response or an error from the client to a server request: nothing to answer
            return isResponse(message) ? Response.accepted().build()
                    : error(400, id, JsonRpcError.INVALID_REQUEST, "a JSON-RPC request needs a \"method\"");
        }
        if (!(message.get("method") instanceof JsonString methodValue)) {
            return error(400, id, JsonRpcError.INVALID_REQUEST, "\"method\" must be a string");
        }
        String method = methodValue.getString();
        JsonValue paramsValue = message.get("params");
        if (paramsValue != null && paramsValue != JsonValue.NULL && !(paramsValue instanceof JsonObject)) {
            return error(400, id, JsonRpcError.INVALID_PARAMS, "\"params\" must be an object");
        }
        JsonObject params = paramsValue instanceof JsonObject object ? object : null;
        boolean notification = id == null;
        if (!notification && !(id instanceof JsonString) && id.getValueType() != JsonValue.ValueType.NUMBER) {
            return error(400, null, JsonRpcError.INVALID_REQUEST, "\"id\" must be a string or a number");
        }

        if ("initialize".equals(method) && sessionId == null) {
            if (notification) {
                return error(400, null, JsonRpcError.INVALID_REQUEST, "initialize must be a request with an id");
            }
            try {
                McpMethods.Initialized initialized = methods.initialize(userId, token.getClaim("client_id"), params);
                return Response.ok(JsonRpc.result(id, initialized.result()), MediaType.APPLICATION_JSON_TYPE)
                        .header(SESSION_HEADER, initialized.sessionId())
                        .build();
            } catch (JsonRpcError e) {
                return error(400, id, e.code(), e.getMessage());
            }
        }

        if (protocolVersion != null && !ProtocolVersions.isSupported(protocolVersion)) {
            return error(400, id, JsonRpcError.INVALID_REQUEST, "Unsupported MCP-Protocol-Version '" + protocolVersion
                    + "'; this server speaks " + String.join(", ", ProtocolVersions.SUPPORTED));
        }
        if (sessionId == null) {
            return error(400, id, JsonRpcError.INVALID_REQUEST, "the Mcp-Session-Id header is required; send initialize first");
        }
        if (session.isEmpty()) {
            return error(404, id, JsonRpcError.INVALID_REQUEST, "the session has ended or is unknown; send initialize to start a new one");
        }
        LogContext.put(LogContext.ORG_ID, session.get().currentOrgId());
        if (notification) {
            return Response.accepted().build();
        }
        try {
            JsonObject result = methods.handle(session.get(), method, params);
            return Response.ok(JsonRpc.result(id, result), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JsonRpcError e) {
            return Response.ok(JsonRpc.error(id, e.code(), e.getMessage()), MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    /** This server sends no messages of its own outside responses, so it offers no SSE stream. */
    @GET
    public Response stream(@HeaderParam("Origin") String origin) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        if (verifiedCaller() == null) {
            return unauthenticated();
        }
        return Response.status(405).header("Allow", "POST, DELETE").build();
    }

    @DELETE
    public Response end(@HeaderParam("Origin") String origin, @HeaderParam(SESSION_HEADER) String sessionId) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        AccessTokenPrincipal token = verifiedCaller();
        if (token == null) {
            return unauthenticated();
        }
        if (sessionId == null) {
            return error(400, null, JsonRpcError.INVALID_REQUEST, "the Mcp-Session-Id header is required");
        }
        return sessions.end(sessionId, token.getSubject()) ? Response.noContent().build()
                : error(404, null, JsonRpcError.INVALID_REQUEST, "the session has ended or is unknown");
    }

    /**
     * The caller whose token our AccessTokenStore verified, in the user group; null for anyone else. This check, not
     * {@code @RolesAllowed}, guards the resource: MP-JWT's filter for that annotation asks JACC for the role on every
     * request, a twentieth of an MCP request's CPU (bench/README.md), to learn what the principal's type already says.
     */
    private AccessTokenPrincipal verifiedCaller() {
        AccessTokenPrincipal token = AccessTokenPrincipal.of(security.getCallerPrincipal());
        return token != null && token.getGroups().contains(AccessTokens.USER_GROUP) ? token : null;
    }

    /** 401 with the challenge; invalid_token when a caller was authenticated by anything but our own token check. */
    private Response unauthenticated() {
        return BearerChallenge.challenge(settings, security.getCallerPrincipal() != null);
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body is empty; send one JSON-RPC message");
        }
        JsonValue value;
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the request body is not valid JSON");
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "JSON-RPC batches are not supported; send one message per request");
        }
        if (!(value instanceof JsonObject object) || !"2.0".equals(object.getString("jsonrpc", null))) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "the body must be a JSON-RPC 2.0 object (\"jsonrpc\": \"2.0\")");
        }
        return object;
    }

    private static boolean isResponse(JsonObject message) {
        return message.containsKey("id") && (message.containsKey("result") || message.containsKey("error"));
    }

    private static Response error(int status, JsonValue id, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonRpc.error(id, code, message)).build();
    }
}

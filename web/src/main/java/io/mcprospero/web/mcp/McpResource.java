package io.mcprospero.web.mcp;

import io.mcprospero.mcp.BearerToken;
import io.mcprospero.mcp.JsonRpc;
import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.mcp.McpAnswer;
import io.mcprospero.mcp.McpEndpoint;
import io.mcprospero.mcp.McpHeaders;
import io.mcprospero.mcp.McpRequest;
import io.mcprospero.oauth.AccessTokenPrincipal;
import io.mcprospero.oauth.AccessTokens;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.observability.LogContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MCP Streamable HTTP transport, one endpoint for both protocol eras: checks what belongs to HTTP (Origin, the
 * bearer token, the body's size, depth and JSON-RPC shape), hands the message with its headers to
 * {@link McpEndpoint}, and turns the answer into HTTP: one JSON object, 202, the 401 challenge, or an SSE stream whose
 * work runs on the container's managed executor. The bearer token was verified before this runs, by MP-JWT with our
 * AccessTokenStore. Application-scoped: it holds no request state.
 */
@Path("/mcp")
@ApplicationScoped
public class McpResource {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String EVENT_STREAM = "text/event-stream";
    private static final Logger LOG = Logger.getLogger(McpResource.class.getName());

    private SecurityContext security;
    private OAuthSettings settings;
    private McpEndpoint endpoint;
    private OriginPolicy origins;
    private ManagedExecutorService executor;
    private KeepAlives keepAlives;
    private long maxBodyBytes;

    protected McpResource() {
        // for the CDI proxy
    }

    @Inject
    public McpResource(SecurityContext security, OAuthSettings settings, McpEndpoint endpoint, OriginPolicy origins,
                       ManagedExecutorService executor, KeepAlives keepAlives,
                       @ConfigProperty(name = "mcprospero.mcp.max-body-bytes") long maxBodyBytes) {
        this.security = security;
        this.settings = settings;
        this.endpoint = endpoint;
        this.origins = origins;
        this.executor = executor;
        this.keepAlives = keepAlives;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, EVENT_STREAM, MediaType.WILDCARD})
    public Response post(InputStream body,
                         @HeaderParam("Origin") String origin,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept,
                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                         @HeaderParam(SESSION_HEADER) String sessionId,
                         @HeaderParam(VERSION_HEADER) String protocolVersion,
                         @HeaderParam("Mcp-Method") String mcpMethod,
                         @HeaderParam("Mcp-Name") String mcpName) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        BearerToken token = bearer();
        if (token == null) {
            return unauthenticated();
        }
        LogContext.put(LogContext.USER_ID, token.userId());
        if (tooLong(contentLength)) {
            McpMessage.drain(body, maxBodyBytes);
            return error(413, null, JsonRpcError.INVALID_REQUEST, "the request body is over " + maxBodyBytes + " bytes");
        }
        JsonObject message;
        try {
            message = McpMessage.read(body, maxBodyBytes);
        } catch (McpMessage.TooLarge tooLarge) {
            McpMessage.drain(body, maxBodyBytes);
            return error(413, null, JsonRpcError.INVALID_REQUEST, "the request body is over " + tooLarge.limit() + " bytes");
        } catch (JsonRpcError malformed) {
            return error(400, null, malformed.code(), malformed.getMessage());
        }
        McpHeaders headers = new McpHeaders(protocolVersion, sessionId, mcpMethod, mcpName);
        JsonValue id = message.get("id");
        if (!message.containsKey("method")) {
            return isResponse(message) ? answer(endpoint.clientResponse(token, id, message, headers))
                    : error(400, validId(id) ? id : null, JsonRpcError.INVALID_REQUEST, "a JSON-RPC request needs a \"method\"");
        }
        if (id != null && !validId(id)) {
            return error(400, null, JsonRpcError.INVALID_REQUEST, "\"id\" must be a string or a number");
        }
        if (!(message.get("method") instanceof JsonString method)) {
            return error(400, id, JsonRpcError.INVALID_REQUEST, "\"method\" must be a string");
        }
        JsonValue params = message.get("params");
        if (params != null && params != JsonValue.NULL && !(params instanceof JsonObject)) {
            return error(400, id, JsonRpcError.INVALID_PARAMS, "\"params\" must be an object");
        }
        McpRequest request = new McpRequest(id, method.getString(), params instanceof JsonObject object ? object : null, headers);
        return answer(endpoint.handle(token, request, accept != null && accept.contains(EVENT_STREAM)));
    }

    /** 2026-07-28 has no GET stream (subscriptions/listen replaced it), and this server never offered one. */
    @GET
    public Response stream(@HeaderParam("Origin") String origin) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        if (bearer() == null) {
            return unauthenticated();
        }
        return Response.status(405).header("Allow", "POST, DELETE").build();
    }

    /** Ends a legacy session. */
    @DELETE
    public Response end(@HeaderParam("Origin") String origin, @HeaderParam(SESSION_HEADER) String sessionId) {
        if (!origins.permits(origin)) {
            return error(403, null, JsonRpcError.INVALID_REQUEST, "Origin " + origin + " is not allowed to call this server");
        }
        BearerToken token = bearer();
        if (token == null) {
            return unauthenticated();
        }
        if (sessionId == null) {
            return error(400, null, JsonRpcError.INVALID_REQUEST, "the Mcp-Session-Id header is required");
        }
        return endpoint.endSession(token, sessionId) ? Response.noContent().build()
                : error(404, null, JsonRpcError.INVALID_REQUEST, "the session has ended or is unknown");
    }

    private Response answer(McpAnswer answer) {
        if (answer instanceof McpAnswer.Reply reply) {
            Response.ResponseBuilder response = Response.status(reply.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body());
            return reply.sessionId() == null ? response.build() : response.header(SESSION_HEADER, reply.sessionId()).build();
        }
        if (answer instanceof McpAnswer.Streamed streamed) {
            return stream(streamed);
        }
        return answer instanceof McpAnswer.Refused ? BearerChallenge.refusedToken(settings) : Response.accepted().build();
    }

    private Response stream(McpAnswer.Streamed streamed) {
        SseStream stream = new SseStream();
        Map<String, String> logContext = Map.copyOf(LogContext.current());
        try {
            executor.execute(() -> {
                logContext.forEach(LogContext::put);
                try {
                    streamed.work().accept(stream);
                } catch (RuntimeException failure) {
                    LOG.log(Level.SEVERE, "an MCP response stream failed", failure);
                    stream.close();
                } finally {
                    LogContext.clear();
                }
            });
        } catch (RejectedExecutionException busy) {
            return error(503, null, JsonRpcError.INTERNAL_ERROR, "the server is too busy to stream this answer; try again shortly");
        }
        keepAlives.watch(stream);
        return Response.ok(stream.output(), EVENT_STREAM)
                .header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /**
     * The caller whose token our AccessTokenStore verified, in the user group; null for anyone else. This check, not
     * {@code @RolesAllowed}, guards the resource: MP-JWT's filter for that annotation asks JACC for the role on every
     * request, a twentieth of an MCP request's CPU (bench/README.md), to learn what the principal's type already says.
     */
    private BearerToken bearer() {
        AccessTokenPrincipal token = AccessTokenPrincipal.of(security.getCallerPrincipal());
        if (token == null || !token.getGroups().contains(AccessTokens.USER_GROUP)) {
            return null;
        }
        return new BearerToken(token.getSubject(), token.getClaim(AccessTokens.GRANT_CLAIM), token.getClaim("client_id"));
    }

    /** 401 with the challenge; invalid_token when a caller was authenticated by anything but our own token check. */
    private Response unauthenticated() {
        return BearerChallenge.challenge(settings, security.getCallerPrincipal() != null);
    }

    private boolean tooLong(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean validId(JsonValue id) {
        return id instanceof JsonString || (id != null && id.getValueType() == JsonValue.ValueType.NUMBER);
    }

    private static boolean isResponse(JsonObject message) {
        return message.containsKey("id") && (message.containsKey("result") || message.containsKey("error"));
    }

    private static Response error(int status, JsonValue id, int code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonRpc.error(id, code, message)).build();
    }
}

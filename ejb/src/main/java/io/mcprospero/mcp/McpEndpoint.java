package io.mcprospero.mcp;

import io.mcprospero.mcp.legacy.LegacyProtocol;
import io.mcprospero.mcp.modern.ModernProtocol;
import io.mcprospero.mcp.modern.RequestMeta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The one /mcp endpoint of both eras, behind the HTTP transport: picks the era each request speaks and hands it on.
 * A request whose _meta names a protocol version is 2026-07-28's (stateless) whatever else it carries; so is one
 * without a session that says 2026-07-28 in its header or calls a method only 2026-07-28 has. Anything else is
 * the session-based revisions': initialize opens a session, and the session names the rest.
 */
@ApplicationScoped
public class McpEndpoint {

    static final Set<String> MODERN_ONLY = Set.of("server/discover", "subscriptions/listen");

    private ModernProtocol modern;
    private LegacyProtocol legacy;

    protected McpEndpoint() {
        // for the CDI proxy
    }

    @Inject
    public McpEndpoint(ModernProtocol modern, LegacyProtocol legacy) {
        this.modern = modern;
        this.legacy = legacy;
    }

    public McpAnswer handle(BearerToken token, McpRequest request, boolean acceptsEventStream) {
        return isModern(request) ? modern.handle(token, request) : legacy.handle(token, request, acceptsEventStream);
    }

    /** A client's JSON-RPC response to a request the server sent it: only legacy sessions are sent any. */
    public McpAnswer clientResponse(BearerToken token, JsonValue id, JsonObject message, McpHeaders headers) {
        if (headers.sessionId() == null) {
            return new McpAnswer.Reply(400, JsonRpc.error(null, JsonRpcError.INVALID_REQUEST,
                    "this server sent no request that this response could answer: in 2026-07-28 answers come back as "
                            + "inputResponses on a retry of the original request"), null);
        }
        return legacy.clientResponse(token, id, message, headers.sessionId());
    }

    /** DELETE /mcp: ends a legacy session; false when the caller has no such live session. */
    public boolean endSession(BearerToken token, String sessionId) {
        return legacy.end(token, sessionId);
    }

    static boolean isModern(McpRequest request) {
        if (RequestMeta.declaredIn(request.params())) {
            return true;
        }
        return request.headers().sessionId() == null
                && (ProtocolVersions.isModern(request.headers().protocolVersion()) || MODERN_ONLY.contains(request.method()));
    }
}

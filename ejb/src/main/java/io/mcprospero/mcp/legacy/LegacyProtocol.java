package io.mcprospero.mcp.legacy;

import io.mcprospero.authz.Caller;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.grants.Grants;
import io.mcprospero.mcp.BearerToken;
import io.mcprospero.mcp.ContentCatalog;
import io.mcprospero.mcp.CallScope;
import io.mcprospero.mcp.EventStream;
import io.mcprospero.mcp.JsonRpc;
import io.mcprospero.mcp.JsonRpcError;
import io.mcprospero.mcp.McpAnswer;
import io.mcprospero.mcp.McpRequest;
import io.mcprospero.mcp.Progress;
import io.mcprospero.mcp.ProtocolVersions;
import io.mcprospero.mcp.ServerIdentity;
import io.mcprospero.mcp.StreamProgress;
import io.mcprospero.mcp.ToolCall;
import io.mcprospero.mcp.ToolCatalog;
import io.mcprospero.mcp.ToolOutcome;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.mcp.mrtr.ClientAbilities;
import io.mcprospero.observability.LogContext;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session-based revisions (2025-11-25, 2025-06-18, 2025-03-26): initialize opens a session in the database, and
 * every later request names it. The session belongs to the token's grant and works in the grant's current org, so
 * switch_org means the same here as for a 2026-07-28 client. Same tools, same answers; what 2026-07-28 returns as an
 * InputRequiredResult is asked here as elicitation/create on the request's stream ({@link ElicitationRelay}).
 * <p>
 * Two of Claude's habits are served unless {@code strict}: a session whose requests say MCP-Protocol-Version:
 * 2026-07-28 after 2025-11-25 was negotiated (SparkyFitness#2155) is served on the negotiated revision; requests with
 * no version header at all (claude-ai-mcp#70) always are, as the spec allows.
 */
@ApplicationScoped
public class LegacyProtocol {

    private static final Logger LOG = Logger.getLogger(LegacyProtocol.class.getName());

    private McpSessions sessions;
    private Grants grants;
    private ToolCatalog tools;
    private PlatformAdmins admins;
    private ServerIdentity identity;
    private ClientResponses clientResponses;
    private ElicitationRelay relay;
    private ContentCatalog content;
    private boolean strictHeaders;

    protected LegacyProtocol() {
        // for the CDI proxy
    }

    @Inject
    public LegacyProtocol(McpSessions sessions, Grants grants, ToolCatalog tools, PlatformAdmins admins, ServerIdentity identity,
                          ClientResponses clientResponses, ElicitationRelay relay, ContentCatalog content,
                          @ConfigProperty(name = "mcprospero.mcp.strict-headers") boolean strictHeaders) {
        this.sessions = sessions;
        this.grants = grants;
        this.tools = tools;
        this.admins = admins;
        this.identity = identity;
        this.clientResponses = clientResponses;
        this.relay = relay;
        this.content = content;
        this.strictHeaders = strictHeaders;
    }

    public McpAnswer handle(BearerToken token, McpRequest request, boolean acceptsEventStream) {
        try {
            if ("initialize".equals(request.method()) && request.headers().sessionId() == null) {
                return initialize(token, request);
            }
            String header = request.headers().protocolVersion();
            if (request.headers().sessionId() == null) {
                throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "the Mcp-Session-Id header is required; send initialize first"
                        + " (or speak " + ProtocolVersions.MODERN + ", with params._meta on every request)");
            }
            Optional<LiveSession> session = sessions.findLive(request.headers().sessionId(), token.userId(), token.grantId());
            if (session.isEmpty()) {
                if (grants.callerOf(token.grantId(), token.userId()).isEmpty()) {
                    // a revoked sign-in's sessions ended with it: the token is what to renew, not the session
                    return new McpAnswer.Refused();
                }
                return new McpAnswer.Reply(404, JsonRpc.error(request.id(), JsonRpcError.INVALID_REQUEST,
                        "the session has ended or is unknown; send initialize to start a new one"), null);
            }
            checkVersionHeader(header, session.get().protocolVersion());
            Optional<Caller> caller = grants.callerOf(session.get().grant());
            if (caller.isEmpty()) {
                return new McpAnswer.Refused();
            }
            LogContext.put(LogContext.ORG_ID, caller.get().orgId());
            if (request.isNotification()) {
                return new McpAnswer.Accepted();
            }
            return answer(token, request, session.get(), caller.get(), acceptsEventStream);
        } catch (JsonRpcError error) {
            return new McpAnswer.Reply(400, JsonRpc.error(request.id(), error), null);
        }
    }

    /** A legacy client's response to a request the server sent on a stream: kept for the instance that waits for it. */
    public McpAnswer clientResponse(BearerToken token, JsonValue id, JsonObject message, String sessionId) {
        Optional<LiveSession> session = sessions.findLive(sessionId, token.userId(), token.grantId());
        if (session.isEmpty()) {
            return new McpAnswer.Reply(404, JsonRpc.error(null, JsonRpcError.INVALID_REQUEST,
                    "a response belongs to a session: the session has ended or is unknown"), null);
        }
        if (id instanceof JsonString requestId && requestId.getString().length() <= 100) {
            clientResponses.put(session.get().idHash(), requestId.getString(), message);
        }
        return new McpAnswer.Accepted();
    }

    public boolean end(BearerToken token, String sessionId) {
        return sessions.end(sessionId, token.userId());
    }

    private McpAnswer initialize(BearerToken token, McpRequest request) {
        if (request.isNotification()) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "initialize must be a request with an id");
        }
        if (!(request.params().get("protocolVersion") instanceof JsonString requested)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion (a string such as \""
                    + ProtocolVersions.LATEST_LEGACY + "\")");
        }
        if (grants.callerOf(token.grantId(), token.userId()).isEmpty()) {
            return new McpAnswer.Refused();
        }
        String version = ProtocolVersions.negotiateLegacy(requested.getString());
        JsonObject clientInfo = request.params().get("clientInfo") instanceof JsonObject info ? info : JsonValue.EMPTY_JSON_OBJECT;
        String sessionId = sessions.open(token.userId(), token.grantId(), token.clientId(), version,
                kept(request.params().get("capabilities")), clientInfo.getString("name", null), clientInfo.getString("version", null));
        JsonObject result = Jsons.object()
                .add("protocolVersion", version)
                .add("capabilities", capabilities())
                .add("serverInfo", identity.full())
                .add("instructions", identity.instructions())
                .build();
        return new McpAnswer.Reply(200, JsonRpc.result(request.id(), result), sessionId);
    }

    private JsonObjectBuilder capabilities() {
        JsonObjectBuilder capabilities = Jsons.object().add("tools", Jsons.object().add("listChanged", false));
        content.declare(capabilities);
        return capabilities;
    }

    /** What is kept of the client's capabilities: only what the tools use (whether and how it elicits). */
    private static String kept(JsonValue capabilities) {
        ClientAbilities abilities = ClientAbilities.of(capabilities);
        JsonObjectBuilder elicitation = Jsons.object();
        if (abilities.elicitsForms()) {
            elicitation.add("form", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (abilities.elicitsUrls()) {
            elicitation.add("url", JsonValue.EMPTY_JSON_OBJECT);
        }
        return abilities.equals(ClientAbilities.NONE) ? "{}" : Jsons.object().add("elicitation", elicitation).build().toString();
    }

    private void checkVersionHeader(String header, String negotiated) {
        if (header == null || header.equals(negotiated) || ProtocolVersions.isLegacy(header)) {
            return;
        }
        if (ProtocolVersions.isModern(header) && !strictHeaders) {
            return;
        }
        throw new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Unsupported MCP-Protocol-Version '" + header
                + "' for this session, which negotiated " + negotiated + "; send that, or no header");
    }

    private McpAnswer answer(BearerToken token, McpRequest request, LiveSession session, Caller caller, boolean acceptsEventStream) {
        try {
            return switch (request.method()) {
                case "ping" -> McpAnswer.Reply.ok(JsonRpc.result(request.id(), JsonValue.EMPTY_JSON_OBJECT));
                case "tools/list" -> McpAnswer.Reply.ok(JsonRpc.result(request.id(), Jsons.object()
                        .add("tools", Jsons.array(tools.list(caller, admins.isAdmin(caller)))).build()));
                case "tools/call" -> call(token, request, session, caller, acceptsEventStream);
                case "resources/list", "resources/templates/list", "resources/read", "prompts/list", "prompts/get" ->
                        McpAnswer.Reply.ok(JsonRpc.result(request.id(), content.answer(request.method(), request.params(), caller).build()));
                case "initialize" -> throw new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                        "this session is already initialized; send initialize without an Mcp-Session-Id to start a new one");
                default -> throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()
                        + ". This server offers ping, tools/list, tools/call, resources/list, resources/templates/list, "
                        + "resources/read, prompts/list and prompts/get.");
            };
        } catch (JsonRpcError error) {
            return McpAnswer.Reply.ok(JsonRpc.error(request.id(), error));
        }
    }

    private McpAnswer call(BearerToken token, McpRequest request, LiveSession session, Caller caller, boolean acceptsEventStream) {
        JsonObject params = request.params();
        if (!(params.get("name") instanceof JsonString name)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name (the tool's name)");
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL && !(arguments instanceof JsonObject)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        ToolCall call = ToolCall.first(name.getString(), arguments instanceof JsonObject object ? object : null);
        // without a stream to ask on, the tools treat the client as one that cannot elicit (they ask for confirm instead)
        ClientAbilities client = acceptsEventStream ? ClientAbilities.of(parsed(session.clientCapabilities())) : ClientAbilities.NONE;
        boolean admin = admins.isAdmin(caller);
        JsonValue progressToken = params.get("_meta") instanceof JsonObject meta ? meta.get("progressToken") : null;
        if (progressToken == null || !acceptsEventStream) {
            ToolOutcome outcome = tools.call(call, new CallScope(caller, token.grantId(), admin, client, Progress.NONE));
            if (outcome instanceof ToolResult result) {
                return McpAnswer.Reply.ok(JsonRpc.result(request.id(), result.toJson(tools.surfaceVersion())));
            }
            return relay.ask(request.id(), session.idHash(), call, new CallScope(caller, token.grantId(), admin, client, Progress.NONE),
                    (ToolOutcome.InputRequiredResult) outcome);
        }
        return new McpAnswer.Streamed(stream -> {
            CallScope scope = new CallScope(caller, token.grantId(), admin, client, new StreamProgress(stream, progressToken));
            try {
                ToolOutcome outcome = tools.call(call, scope);
                if (outcome instanceof ToolOutcome.InputRequiredResult input) {
                    relay.continueOn(stream, request.id(), session.idHash(), call, scope, input);
                    return;
                }
                stream.send(JsonRpc.result(request.id(), ((ToolResult) outcome).toJson(tools.surfaceVersion())));
            } catch (JsonRpcError error) {
                stream.send(JsonRpc.error(request.id(), error));
            } catch (RuntimeException failure) {
                LOG.log(Level.SEVERE, "tools/call " + call.name() + " failed on its stream", failure);
                stream.send(JsonRpc.error(request.id(), JsonRpcError.INTERNAL_ERROR, "the call failed on the server; try again"));
            }
            stream.close();
        });
    }

    private static JsonValue parsed(String capabilities) {
        if (capabilities == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Jsons.reader(new StringReader(capabilities))) {
            return reader.readValue();
        }
    }
}

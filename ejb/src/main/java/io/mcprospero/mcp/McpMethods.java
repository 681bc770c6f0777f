package io.mcprospero.mcp;

import io.mcprospero.support.Jsons;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.org.Orgs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The MCP methods of a live session (lifecycle, ping, tools), independent of the HTTP transport. The
 * transport has already authenticated the user and found the session.
 */
@ApplicationScoped
public class McpMethods {

    static final String SERVER_NAME = "mcprospero";
    static final String INSTRUCTIONS = "MCProspero creates persistent AI agents that run on a schedule or trigger. "
            + "Call whoami first to see the user and the org you are working in; switch_org changes it.";

    private McpSessions sessions;
    private ToolCatalog tools;
    private Authorization authorization;
    private PlatformAdmins admins;
    private Orgs orgs;
    private String serverVersion;

    protected McpMethods() {
        // for the CDI proxy
    }

    @Inject
    public McpMethods(McpSessions sessions, ToolCatalog tools, Authorization authorization, PlatformAdmins admins, Orgs orgs) {
        this.sessions = sessions;
        this.tools = tools;
        this.authorization = authorization;
        this.admins = admins;
        this.orgs = orgs;
        this.serverVersion = McpMethods.class.getPackage().getImplementationVersion() == null
                ? "dev" : McpMethods.class.getPackage().getImplementationVersion();
    }

    /** Opens a session in the user's personal org and answers initialize. */
    public Initialized initialize(String userId, String clientId, JsonObject params) {
        if (params == null || !(params.get("protocolVersion") instanceof JsonString requested)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion (a string such as \""
                    + ProtocolVersions.LATEST + "\")");
        }
        String version = ProtocolVersions.negotiate(requested.getString());
        JsonObject clientInfo = params.get("clientInfo") instanceof JsonObject info ? info : JsonValue.EMPTY_JSON_OBJECT;
        String sessionId = sessions.open(userId, clientId, version, orgs.personalOrgOf(userId).id(),
                clientInfo.getString("name", null), clientInfo.getString("version", null));
        JsonObject result = Jsons.object()
                .add("protocolVersion", version)
                .add("capabilities", Jsons.object()
                        .add("tools", Jsons.object().add("listChanged", false)))
                .add("serverInfo", Jsons.object()
                        .add("name", SERVER_NAME)
                        .add("title", "MCProspero")
                        .add("version", serverVersion))
                .add("instructions", INSTRUCTIONS)
                .build();
        return new Initialized(sessionId, result);
    }

    /** Answers a request within a session. */
    public JsonObject handle(LiveSession session, String method, JsonObject params) {
        return switch (method) {
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> tools.list(admins.isAdmin(caller(session)));
            case "tools/call" -> callTool(session, params);
            case "initialize" -> throw new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "this session is already initialized; send initialize without an Mcp-Session-Id to start a new one");
            default -> throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method
                    + ". This server offers tools only: ping, tools/list, tools/call.");
        };
    }

    private JsonObject callTool(LiveSession session, JsonObject params) {
        if (params == null || !(params.get("name") instanceof JsonString name)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name (the tool's name)");
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL && !(arguments instanceof JsonObject)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        JsonObject args = arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        Caller caller = caller(session);
        return tools.call(name.getString(), args, new ToolContext(caller, session.idHash()), admins.isAdmin(caller));
    }

    /** The caller in the session's current org; a user removed from that org falls back to their personal org. */
    private Caller caller(LiveSession live) {
        if (live.caller() != null) {
            return live.caller();
        }
        String personal = orgs.personalOrgOf(live.userId()).id();
        sessions.switchOrg(live.idHash(), personal);
        return authorization.callerIn(live.userId(), personal);
    }

    /** The answer to initialize and the id of the session it opened. */
    public record Initialized(String sessionId, JsonObject result) {
    }
}

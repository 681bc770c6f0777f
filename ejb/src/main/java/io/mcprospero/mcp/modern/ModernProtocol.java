package io.mcprospero.mcp.modern;

import io.mcprospero.authz.Caller;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.grants.Grants;
import io.mcprospero.mcp.BearerToken;
import io.mcprospero.mcp.ContentCatalog;
import io.mcprospero.mcp.TaskCatalog;
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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MCP 2026-07-28, served statelessly: every request carries its protocol version and client capabilities in _meta
 * and is answered on its own, on any instance. What a session used to hold (the org the conversation works in) is
 * the grant's. Results carry resultType and the server's identity; lists carry caching hints; a tool that needs the
 * person's answer returns an InputRequiredResult; subscriptions/listen streams tool-list changes.
 */
@ApplicationScoped
public class ModernProtocol {

    private static final Logger LOG = Logger.getLogger(ModernProtocol.class.getName());

    /** Methods of earlier revisions that 2026-07-28 removed: 404 with -32601, as for any method not served. */
    static final Set<String> REMOVED = Set.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
            "resources/unsubscribe", "notifications/initialized", "tasks/result", "tasks/list");
    /** How long a client may keep a tools/list: the list follows the caller's role, and listeners hear of changes. */
    static final long TOOLS_TTL_MS = 60_000;
    /** Runs come and go: the resource and prompt lists are cached briefly. */
    static final long LISTS_TTL_MS = 10_000;
    static final long DISCOVER_TTL_MS = 3_600_000;

    private Grants grants;
    private ToolCatalog tools;
    private PlatformAdmins admins;
    private ServerIdentity identity;
    private ListenStreams listeners;
    private ContentCatalog content;
    private TaskCatalog tasks;
    private boolean strictHeaders;

    protected ModernProtocol() {
        // for the CDI proxy
    }

    @Inject
    public ModernProtocol(Grants grants, ToolCatalog tools, PlatformAdmins admins, ServerIdentity identity, ListenStreams listeners,
                          ContentCatalog content, TaskCatalog tasks, @ConfigProperty(name = "mcprospero.mcp.strict-headers") boolean strictHeaders) {
        this.grants = grants;
        this.tools = tools;
        this.admins = admins;
        this.identity = identity;
        this.listeners = listeners;
        this.content = content;
        this.tasks = tasks;
        this.strictHeaders = strictHeaders;
    }

    public McpAnswer handle(BearerToken token, McpRequest request) {
        RequestMeta meta;
        try {
            meta = RequestMeta.read(request.params());
            HeaderCheck.check(request, meta, strictHeaders);
            if (!ProtocolVersions.isModern(meta.protocolVersion())) {
                throw unsupported(meta.protocolVersion());
            }
        } catch (JsonRpcError cannotTake) {
            // a request this server cannot take as sent: its _meta, its headers, its version
            return new McpAnswer.Reply(400, JsonRpc.error(request.id(), cannotTake), null);
        }
        try {
            if (request.isNotification()) {
                // no client notification means anything over HTTP in this revision (cancelling is closing the stream)
                return new McpAnswer.Accepted();
            }
            Optional<Caller> caller = grants.callerOf(token.grantId(), token.userId());
            if (caller.isEmpty()) {
                return new McpAnswer.Refused();
            }
            LogContext.put(LogContext.ORG_ID, caller.get().orgId());
            return switch (request.method()) {
                case "server/discover" -> reply(request, cacheable(discover(), DISCOVER_TTL_MS, "public"));
                case "tools/list" -> reply(request, cacheable(Jsons.object()
                        .add("tools", Jsons.array(tools.list(caller.get(), admins.isAdmin(caller.get())))), TOOLS_TTL_MS, "private"));
                case "tools/call" -> call(token, request, meta, caller.get());
                case "subscriptions/listen" -> listen(token, request);
                case "resources/list", "resources/templates/list", "prompts/list" -> reply(request,
                        cacheable(content.answer(request.method(), request.params(), caller.get()), LISTS_TTL_MS, "private"));
                case "resources/read", "prompts/get" -> reply(request, content.answer(request.method(), request.params(), caller.get()));
                case "tasks/get", "tasks/cancel" -> reply(request, tasks.answer(request.method(), request.params(), caller.get()));
                default -> throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method()
                        + (REMOVED.contains(request.method()) ? " (removed in 2026-07-28)" : "")
                        + ". This server offers server/discover, tools/list, tools/call, resources/list, resources/read, "
                        + "prompts/list, prompts/get, tasks/get, tasks/cancel and subscriptions/listen.");
            };
        } catch (JsonRpcError error) {
            return new McpAnswer.Reply(statusOf(error), JsonRpc.error(request.id(), error), null);
        }
    }

    private JsonObjectBuilder capabilities() {
        JsonObjectBuilder capabilities = Jsons.object().add("tools", Jsons.object().add("listChanged", true));
        content.declare(capabilities);
        tasks.declare(capabilities);
        return capabilities;
    }

    private JsonObjectBuilder discover() {
        return Jsons.object()
                .add("supportedVersions", Jsons.array(ProtocolVersions.ALL))
                .add("capabilities", capabilities())
                .add("instructions", identity.instructions())
                .add("_meta", Jsons.object().add(RequestMeta.SERVER_INFO, identity.full()));
    }

    private McpAnswer call(BearerToken token, McpRequest request, RequestMeta meta, Caller caller) {
        JsonObject params = request.params();
        if (!(params.get("name") instanceof JsonString name)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call needs params.name (the tool's name)");
        }
        JsonValue arguments = params.get("arguments");
        if (arguments != null && arguments != JsonValue.NULL && !(arguments instanceof JsonObject)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "tools/call params.arguments must be an object");
        }
        JsonValue state = params.get("requestState");
        if (state != null && !(state instanceof JsonString)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "params.requestState must be the string this server sent");
        }
        ToolCall call = new ToolCall(name.getString(), arguments instanceof JsonObject object ? object : null,
                params.get("inputResponses"), state instanceof JsonString text ? text.getString() : null);
        ClientAbilities client = ClientAbilities.modern(meta.clientCapabilities());
        boolean admin = admins.isAdmin(caller);
        if (meta.progressToken() == null) {
            return McpAnswer.Reply.ok(JsonRpc.result(request.id(), outcome(tools.call(call, new CallScope(caller, token.grantId(), admin, client, Progress.NONE)))));
        }
        return new McpAnswer.Streamed(stream -> {
            Progress progress = new StreamProgress(stream, meta.progressToken());
            JsonObject answer;
            try {
                answer = JsonRpc.result(request.id(), outcome(tools.call(call, new CallScope(caller, token.grantId(), admin, client, progress))));
            } catch (JsonRpcError error) {
                answer = JsonRpc.error(request.id(), error);
            } catch (RuntimeException failure) {
                LOG.log(Level.SEVERE, "tools/call " + call.name() + " failed on its stream", failure);
                answer = JsonRpc.error(request.id(), JsonRpcError.INTERNAL_ERROR, "the call failed on the server; try again");
            }
            stream.send(answer);
            stream.close();
        });
    }

    private McpAnswer listen(BearerToken token, McpRequest request) {
        JsonValue filter = request.params().get("notifications");
        if (filter != null && !(filter instanceof JsonObject)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "subscriptions/listen params.notifications must be an object, "
                    + "e.g. {\"toolsListChanged\": true}");
        }
        boolean tools = filter instanceof JsonObject wanted && wanted.getBoolean("toolsListChanged", false);
        JsonObjectBuilder honoured = Jsons.object();
        if (tools) {
            honoured.add("toolsListChanged", true);
        }
        JsonObject acknowledged = JsonRpc.notification("notifications/subscriptions/acknowledged", Jsons.object()
                .add("_meta", Jsons.object().add(RequestMeta.SUBSCRIPTION_ID, request.id()))
                .add("notifications", honoured).build());
        return new McpAnswer.Streamed(stream -> {
            if (stream.send(acknowledged) && tools) {
                listeners.add(token.userId(), request.id(), stream);
            }
        });
    }

    private JsonObject outcome(ToolOutcome outcome) {
        if (outcome instanceof ToolResult result) {
            return complete(Jsons.object(result.toJson(tools.surfaceVersion()))).build();
        }
        if (outcome instanceof ToolOutcome.TaskCreated task) {
            return TaskCatalog.created(task).add("_meta", Jsons.object().add(RequestMeta.SERVER_INFO, identity.brief())).build();
        }
        ToolOutcome.InputRequiredResult input = (ToolOutcome.InputRequiredResult) outcome;
        JsonObjectBuilder requests = Jsons.object();
        input.questions().forEach((key, question) -> requests.add(key, question.asInputRequest()));
        return Jsons.object()
                .add("resultType", "input_required")
                .add("inputRequests", requests)
                .add("requestState", input.requestState())
                .add("_meta", Jsons.object().add(RequestMeta.SERVER_INFO, identity.brief()))
                .build();
    }

    private McpAnswer reply(McpRequest request, JsonObjectBuilder result) {
        return McpAnswer.Reply.ok(JsonRpc.result(request.id(), complete(result).build()));
    }

    private static JsonObjectBuilder cacheable(JsonObjectBuilder result, long ttlMs, String scope) {
        return result.add("ttlMs", ttlMs).add("cacheScope", scope);
    }

    /** resultType complete, and the server's identity added to whatever _meta the result has. */
    private JsonObjectBuilder complete(JsonObjectBuilder result) {
        JsonObject built = result.build();
        JsonObjectBuilder meta = built.get("_meta") instanceof JsonObject existing ? Jsons.object(existing) : Jsons.object();
        if (!(built.get("_meta") instanceof JsonObject existing && existing.containsKey(RequestMeta.SERVER_INFO))) {
            meta.add(RequestMeta.SERVER_INFO, identity.brief());
        }
        return Jsons.object(built).add("resultType", "complete").add("_meta", meta);
    }

    private static JsonRpcError unsupported(String requested) {
        return new JsonRpcError(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version '" + requested
                + "': per-request _meta speaks " + ProtocolVersions.MODERN + "; 2025-11-25, 2025-06-18 and 2025-03-26 are "
                + "served through initialize and a session", Jsons.object()
                .add("supported", Jsons.array(ProtocolVersions.ALL))
                .add("requested", requested).build());
    }

    /**
     * 2026-07-28's statuses for a method's errors: not found 404, a client capability missing 400; any other error of
     * a method (an unknown tool, bad arguments) is the JSON-RPC answer to a well-formed request, 200.
     */
    static int statusOf(JsonRpcError error) {
        return switch (error.code()) {
            case JsonRpcError.METHOD_NOT_FOUND -> 404;
            case JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY -> 400;
            default -> 200;
        };
    }
}

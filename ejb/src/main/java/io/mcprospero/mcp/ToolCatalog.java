package io.mcprospero.mcp;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.PermissionMatrix;
import io.mcprospero.failure.DomainException;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.jsonschema.ArgumentSchema;
import io.mcprospero.mcp.mrtr.InputAnswers;
import io.mcprospero.mcp.mrtr.InputRefused;
import io.mcprospero.mcp.mrtr.InputRequired;
import io.mcprospero.mcp.mrtr.RequestStates;
import io.mcprospero.support.Transactions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tools this server offers, the same in both MCP eras: lists them (admin tools only to platform admins, the others
 * by the caller's role), validates arguments against each tool's schema, resolves the org a call works in, checks the
 * state of a multi round-trip retry, and runs a call in its own span and transaction. Keeps the two error channels
 * apart: malformed calls are JSON-RPC errors, refusals of the domain are tool results with isError.
 */
@ApplicationScoped
public class ToolCatalog {

    private static final Logger LOG = Logger.getLogger(ToolCatalog.class.getName());

    private Map<String, Entry> tools;
    private Tracer tracer;
    private Transactions transactions;
    private Authorization authorization;
    private RequestStates requestStates;
    private String surfaceVersion;

    protected ToolCatalog() {
        // for the CDI proxy
    }

    @Inject
    public ToolCatalog(@Any Instance<Tool> tools, Tracer tracer, Transactions transactions, Authorization authorization,
                       RequestStates requestStates) {
        this(tools.stream().toList(), tracer, transactions, authorization, requestStates);
    }

    public ToolCatalog(List<Tool> tools, Tracer tracer, Transactions transactions, Authorization authorization,
                       RequestStates requestStates) {
        this.tracer = tracer;
        this.transactions = transactions;
        this.authorization = authorization;
        this.requestStates = requestStates;
        this.surfaceVersion = ToolSurface.version();
        Map<String, Entry> byName = new TreeMap<>();
        tools.forEach(tool -> {
            ToolDefinition definition = ToolDefinition.load(tool.name());
            byName.put(tool.name(), new Entry(tool, definition, ArgumentSchema.compile(definition.inputSchema())));
        });
        this.tools = Collections.unmodifiableMap(byName);
    }

    public String surfaceVersion() {
        return surfaceVersion;
    }

    /** The definitions the caller may see, in name order (the same order every time, for clients' caches). */
    public List<JsonObject> list(Caller caller, boolean platformAdmin) {
        return tools.values().stream()
                .filter(entry -> platformAdmin || !entry.tool().adminOnly())
                .filter(entry -> entry.tool().listedWith() == null || PermissionMatrix.allows(caller.role(), entry.tool().listedWith()))
                .map(entry -> entry.definition().json())
                .toList();
    }

    /**
     * Runs a call. Answers to earlier questions count only with a request state this server issued for this person,
     * tool and arguments; a tool that needs (more) answers changes nothing and yields the questions.
     */
    public ToolOutcome call(ToolCall call, CallScope scope) {
        return call(call, scope, null);
    }

    /** As {@link #call(ToolCall, CallScope)}, with answers the server collected itself (no state to check). */
    public ToolOutcome call(ToolCall call, CallScope scope, InputAnswers collected) {
        Entry entry = tools.get(call.name());
        if (entry == null || (entry.tool().adminOnly() && !scope.platformAdmin())) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Unknown tool: '" + call.name() + "'. Call tools/list to see the tools you can use.");
        }
        String problems = entry.argumentSchema().problems(call.arguments());
        if (problems != null) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Invalid arguments for tool " + call.name() + ": " + problems);
        }
        InputAnswers answers;
        try {
            answers = collected != null ? collected : answersOf(call, scope);
        } catch (InputRefused refused) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, refused.getMessage());
        }
        Span span = tracer.spanBuilder("tools/call " + call.name())
                .setAttribute("mcp.tool.name", call.name())
                .setAttribute("mcprospero.org_id", scope.caller().orgId())
                .setAttribute("mcprospero.user_id", scope.caller().userId())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ToolOutcome outcome = invoke(entry.tool(), call, scope, answers);
            if (outcome instanceof ToolResult result && result.isError()) {
                span.setStatus(StatusCode.ERROR, "tool error");
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    private InputAnswers answersOf(ToolCall call, CallScope scope) {
        if (call.requestState() == null) {
            return InputAnswers.NONE;
        }
        Set<String> asked = requestStates.verify(call.requestState(), scope.caller().userId(), scope.grantId(), call.name(),
                call.arguments());
        return InputAnswers.read(call.inputResponses(), asked);
    }

    private ToolOutcome invoke(Tool tool, ToolCall call, CallScope scope, InputAnswers answers) {
        try {
            ToolContext context = new ToolContext(callerFor(tool, call.arguments(), scope.caller()), scope.grantId(),
                    scope.client(), answers, scope.progress());
            return tool.transactional() ? transactions.inOne(() -> tool.call(context, call.arguments())) : tool.call(context, call.arguments());
        } catch (InputRequired questions) {
            return inputRequired(call, scope, questions);
        } catch (TaskStarted started) {
            return new ToolOutcome.TaskCreated(started.taskId(), started.createdAt());
        } catch (DomainException refusal) {
            return ToolResult.error(refusal.getMessage());
        } catch (RuntimeException failure) {
            LOG.log(Level.SEVERE, "tool " + tool.name() + " failed", failure);
            return ToolResult.error("The tool " + tool.name() + " failed on the server. Nothing was changed; try again, "
                    + "and if it keeps failing, tell the operator (trace id " + Span.current().getSpanContext().getTraceId() + ").");
        }
    }

    /** The caller in the org the call names (org-scoped tools' optional org_id), else in the current org. */
    private Caller callerFor(Tool tool, JsonObject arguments, Caller current) {
        if (!tool.orgScoped() || !(arguments.get(Tool.ORG_ARGUMENT) instanceof JsonString named)
                || named.getString().strip().equals(current.orgId())) {
            return current;
        }
        String orgId = named.getString().strip();
        try {
            return authorization.callerIn(current.userId(), orgId);
        } catch (NotAuthorized notMember) {
            // the same answer whether the org does not exist or belongs to others: ids are not an oracle
            throw new NotFound("you have no org with id '" + orgId + "'; call list_orgs to see yours");
        }
    }

    private ToolOutcome inputRequired(ToolCall call, CallScope scope, InputRequired questions) {
        String state = requestStates.issue(scope.caller().userId(), scope.grantId(), call.name(), call.arguments(),
                questions.questions().keySet());
        return new ToolOutcome.InputRequiredResult(new TreeMap<>(questions.questions()), state);
    }

    private record Entry(Tool tool, ToolDefinition definition, ArgumentSchema argumentSchema) {
    }
}

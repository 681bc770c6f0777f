package io.mcprospero.mcp;

import io.mcprospero.failure.DomainException;
import io.mcprospero.jsonschema.ArgumentSchema;
import io.mcprospero.support.Jsons;
import io.mcprospero.support.Transactions;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tools this server offers: lists them (admin tools only to platform admins), validates arguments
 * against each tool's schema, and runs a call in its own span. Keeps the two error channels apart:
 * malformed calls are JSON-RPC errors, refusals of the domain are tool results with isError.
 */
@ApplicationScoped
public class ToolCatalog {

    private static final Logger LOG = Logger.getLogger(ToolCatalog.class.getName());

    private Map<String, Entry> tools;
    private Tracer tracer;
    private Transactions transactions;
    private String surfaceVersion;

    protected ToolCatalog() {
        // for the CDI proxy
    }

    @Inject
    public ToolCatalog(@Any Instance<Tool> tools, Tracer tracer, Transactions transactions) {
        this(tools.stream().toList(), tracer, transactions);
    }

    public ToolCatalog(List<Tool> tools, Tracer tracer, Transactions transactions) {
        this.tracer = tracer;
        this.transactions = transactions;
        this.surfaceVersion = ToolSurface.version();
        Map<String, Entry> byName = new LinkedHashMap<>();
        tools.stream().sorted(Comparator.comparing(Tool::name)).forEach(tool -> {
            ToolDefinition definition = ToolDefinition.load(tool.name());
            byName.put(tool.name(), new Entry(tool, definition, ArgumentSchema.compile(definition.inputSchema())));
        });
        this.tools = Map.copyOf(byName);
    }

    public String surfaceVersion() {
        return surfaceVersion;
    }

    public JsonObject list(boolean platformAdmin) {
        JsonArrayBuilder listed = Jsons.array();
        tools.values().stream()
                .filter(entry -> platformAdmin || !entry.tool().adminOnly())
                .sorted(Comparator.comparing(entry -> entry.tool().name()))
                .forEach(entry -> listed.add(entry.definition().json()));
        return Jsons.object().add("tools", listed).build();
    }

    public JsonObject call(String name, JsonObject arguments, ToolContext context, boolean platformAdmin) {
        Entry entry = tools.get(name);
        if (entry == null || (entry.tool().adminOnly() && !platformAdmin)) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Unknown tool: '" + name + "'. Call tools/list to see the tools you can use.");
        }
        String problems = entry.argumentSchema().problems(arguments);
        if (problems != null) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "Invalid arguments for tool " + name + ": " + problems);
        }
        Span span = tracer.spanBuilder("tools/call " + name)
                .setAttribute("mcp.tool.name", name)
                .setAttribute("mcprospero.org_id", context.caller().orgId())
                .setAttribute("mcprospero.user_id", context.caller().userId())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ToolResult result = invoke(entry.tool(), context, arguments);
            if (result.isError()) {
                span.setStatus(StatusCode.ERROR, "tool error");
            }
            return result.toJson(surfaceVersion);
        } finally {
            span.end();
        }
    }

    private ToolResult invoke(Tool tool, ToolContext context, JsonObject arguments) {
        try {
            return tool.transactional() ? transactions.inOne(() -> tool.call(context, arguments)) : tool.call(context, arguments);
        } catch (DomainException refusal) {
            return ToolResult.error(refusal.getMessage());
        } catch (RuntimeException failure) {
            LOG.log(Level.SEVERE, "tool " + tool.name() + " failed", failure);
            return ToolResult.error("The tool " + tool.name() + " failed on the server. Nothing was changed; try again, "
                    + "and if it keeps failing, tell the operator (trace id " + Span.current().getSpanContext().getTraceId() + ").");
        }
    }

    private record Entry(Tool tool, ToolDefinition definition, ArgumentSchema argumentSchema) {
    }
}

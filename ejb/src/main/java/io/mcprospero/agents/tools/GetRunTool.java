package io.mcprospero.agents.tools;

import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * get_run: one run's outcome and its steps, readably: every model turn and tool call (its input and the start of its
 * result), with timings and units.
 */
@ApplicationScoped
public class GetRunTool implements Tool {

    private AgentRuns runs;

    protected GetRunTool() {
        // for the CDI proxy
    }

    @Inject
    public GetRunTool(AgentRuns runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "get_run";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        AgentRuns.RunWithTranscript found = runs.get(context.caller(), arguments.getString("run_id"));
        AgentRun run = found.run();
        StringBuilder text = new StringBuilder("Run ").append(run.id()).append(": ").append(run.status())
                .append(run.reason() == null ? "" : " (" + run.reason() + ")")
                .append(", ").append(run.turns()).append(" model turns, ").append(run.toolCalls()).append(" tool calls, ")
                .append(run.units()).append(" units").append(run.traceId() == null ? "" : ", trace " + run.traceId()).append(".\n");
        found.transcript().ifPresent(transcript -> {
            for (JsonObject turn : transcript.turns()) {
                text.append("- model turn ").append(turn.getInt("turn")).append(": ").append(turn.getJsonNumber("units")).append(" units, ")
                        .append(turn.getJsonNumber("ms")).append(" ms, ").append(turn.getString("stop")).append('\n');
                for (JsonObject call : transcript.calls()) {
                    if (call.getInt("turn") == turn.getInt("turn")) {
                        text.append("  - tool ").append(call.getString("name")).append(call.getBoolean("error") ? " (error)" : "")
                                .append(", ").append(call.getJsonNumber("ms")).append(" ms\n");
                    }
                }
            }
            String last = transcript.lastText();
            if (!last.isBlank()) {
                text.append("Final words: ").append(last.length() > 2000 ? last.substring(0, 2000) + "..." : last);
            }
        });
        for (JsonObject delivery : found.deliveries()) {
            text.append("\nWhatsApp message ").append(delivery.getString("message_id")).append(": ").append(delivery.getString("status"))
                    .append(delivery.containsKey("error") ? " (" + delivery.getString("error") + ")" : "");
        }
        JsonObject view = AgentViews.runDetail(found);
        return ToolResult.of(text.toString().strip(), Jsons.object().add("run", view).build());
    }
}

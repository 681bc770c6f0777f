package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** list_runs: an agent's latest runs. */
@ApplicationScoped
public class ListRunsTool implements Tool {

    private Agents agents;
    private AgentRuns runs;

    protected ListRunsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListRunsTool(Agents agents, AgentRuns runs) {
        this.agents = agents;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "list_runs";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        AgentState agent = agents.get(context.caller(), arguments.getString("agent"));
        List<AgentRun> latest = runs.latest(context.caller(), agent.agent().id(), arguments.getInt("limit", 20));
        JsonArrayBuilder list = Jsons.array();
        StringBuilder text = new StringBuilder(latest.isEmpty() ? agent.agent().name() + " has not run yet."
                : agent.agent().name() + ", latest runs: ");
        for (AgentRun run : latest) {
            list.add(AgentViews.run(run));
            text.append(run.id()).append(" ").append(run.status()).append(" (").append(run.trigger()).append(", ")
                    .append(run.startedAt()).append("); ");
        }
        return ToolResult.of(text.toString().strip(), Jsons.object().add("runs", list).build());
    }
}

package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** list_agents: the org's agents and their status. */
@ApplicationScoped
public class ListAgentsTool implements Tool {

    private Agents agents;

    protected ListAgentsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListAgentsTool(Agents agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "list_agents";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        List<AgentState> all = agents.list(context.caller());
        JsonArrayBuilder list = Jsons.array();
        StringBuilder text = new StringBuilder(all.isEmpty() ? "No agents in this org yet." : all.size() + " agents: ");
        for (AgentState state : all) {
            list.add(AgentViews.agent(state));
            text.append(state.agent().name()).append(" (").append(state.agent().status().wireName()).append("); ");
        }
        return ToolResult.of(text.toString().strip(), Jsons.object().add("agents", list).build());
    }
}

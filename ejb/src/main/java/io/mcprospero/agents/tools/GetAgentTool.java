package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** get_agent: one agent, its versions' status and its manifest. */
@ApplicationScoped
public class GetAgentTool implements Tool {

    private Agents agents;

    protected GetAgentTool() {
        // for the CDI proxy
    }

    @Inject
    public GetAgentTool(Agents agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "get_agent";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        AgentState state = agents.get(context.caller(), arguments.getString("agent"));
        return ToolResult.of(state.agent().name() + " is " + state.agent().status().wireName().replace('_', ' ') + " (version "
                + state.agent().currentVersion() + ").\n" + state.manifest().describe(state.agent().name()),
                Jsons.object().add("agent", AgentViews.agent(state)).build());
    }
}

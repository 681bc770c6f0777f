package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** delete_agent: once the person confirms, the agent goes with its versions, runs and notes. */
@ApplicationScoped
public class DeleteAgentTool implements Tool {

    private Agents agents;

    protected DeleteAgentTool() {
        // for the CDI proxy
    }

    @Inject
    public DeleteAgentTool(Agents agents) {
        this.agents = agents;
    }

    @Override
    public String name() {
        return "delete_agent";
    }

    @Override
    public Permission listedWith() {
        return Permission.MANAGE_AGENTS;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        AgentState agent = agents.get(context.caller(), arguments.getString("agent"));
        String name = agent.agent().name();
        String question = "Delete the agent " + name + "? Its schedule stops, and its versions, runs and notes are deleted.";
        switch (context.confirm(arguments, question, "Delete " + name)) {
            case DECLINED:
                return ToolResult.declined("delete " + name);
            case ASK_IN_CONVERSATION:
                return ToolResult.confirmInConversation(question, name());
            default:
                break;
        }
        String deleted = agents.delete(context.caller(), agent.agent().id());
        return ToolResult.of("Deleted " + deleted + ".", Jsons.object().add("outcome", "deleted").add("deleted", deleted).build());
    }
}

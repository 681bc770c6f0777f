package io.mcprospero.agents.tools;

import io.mcprospero.agents.toolbox.AgentTool;
import io.mcprospero.agents.toolbox.AgentToolbox;
import io.mcprospero.agents.toolbox.Availability;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** list_available_tools: every agent tool, whether this org's agents can use it now, and if not why and what to do. */
@ApplicationScoped
public class ListAvailableToolsTool implements Tool {

    private AgentToolbox toolbox;
    private Authorization authorization;

    protected ListAvailableToolsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListAvailableToolsTool(AgentToolbox toolbox, Authorization authorization) {
        this.toolbox = toolbox;
        this.authorization = authorization;
    }

    @Override
    public String name() {
        return "list_available_tools";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        authorization.require(context.caller(), Permission.VIEW_AGENTS);
        JsonArrayBuilder rows = Jsons.array();
        StringBuilder usable = new StringBuilder();
        StringBuilder not = new StringBuilder();
        for (AgentTool tool : toolbox.all()) {
            Availability availability = tool.availability(context.caller().orgId());
            rows.add(Jsons.object().add("name", tool.name()).add("description", tool.description()).add("usable", availability.usable())
                    .add("reason", Jsons.stringOrNull(availability.reason())).add("what_to_do", Jsons.stringOrNull(availability.whatToDo())));
            if (availability.usable()) {
                usable.append(usable.isEmpty() ? "" : ", ").append(tool.name());
            } else {
                not.append("\n- ").append(tool.name()).append(": ").append(availability.reason()).append("; ").append(availability.whatToDo());
            }
        }
        return ToolResult.of("Usable now: " + (usable.isEmpty() ? "none" : usable) + "." + (not.isEmpty() ? "\nNot usable yet:" + not : ""),
                Jsons.object().add("tools", rows).build());
    }
}

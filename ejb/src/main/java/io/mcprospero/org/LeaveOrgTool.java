package io.mcprospero.org;

import io.mcprospero.mcp.McpSessions;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** leave_org: the caller leaves one of their shared orgs; a conversation working in it moves back to the personal org. */
@ApplicationScoped
public class LeaveOrgTool implements Tool {

    private Members members;
    private Orgs orgs;
    private McpSessions sessions;

    protected LeaveOrgTool() {
        // for the CDI proxy
    }

    @Inject
    public LeaveOrgTool(Members members, Orgs orgs, McpSessions sessions) {
        this.members = members;
        this.orgs = orgs;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "leave_org";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String orgId = arguments.getString("org_id").strip();
        Org left = members.leave(context.caller().userId(), orgId);
        boolean wasCurrent = orgId.equals(context.caller().orgId());
        if (wasCurrent) {
            sessions.switchOrg(context.sessionIdHash(), orgs.personalOrgOf(context.caller().userId()).id());
        }
        return ToolResult.of("You left " + left.name() + "." + (wasCurrent ? " This conversation now works in your Personal org." : ""),
                Jsons.object()
                        .add("left_org_id", left.id())
                        .add("current_org", wasCurrent ? "personal" : "unchanged")
                        .build());
    }
}

package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.NotFound;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.mcp.McpSessions;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** switch_org: changes the org this MCP session works in, to one the caller belongs to. */
@ApplicationScoped
public class SwitchOrgTool implements Tool {

    private Authorization authorization;
    private McpSessions sessions;

    protected SwitchOrgTool() {
        // for the CDI proxy
    }

    @Inject
    public SwitchOrgTool(Authorization authorization, McpSessions sessions) {
        this.authorization = authorization;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "switch_org";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String orgId = arguments.getString("org_id").strip();
        Caller target;
        try {
            target = authorization.callerIn(context.caller().userId(), orgId);
        } catch (NotAuthorized notMember) {
            // the same answer whether the org does not exist or belongs to others: ids are not an oracle
            throw new NotFound("you have no org with id '" + orgId + "'; call list_orgs to see yours");
        }
        authorization.require(target, Permission.VIEW_ORG);
        sessions.switchOrg(context.sessionIdHash(), orgId);
        String name = OrgViews.displayName(target.orgName(), target.personalOrg());
        return ToolResult.of("Now working in " + name + " as " + target.role().wireName() + ".",
                Jsons.object().add("org", Jsons.object()
                        .add("id", orgId)
                        .add("name", name)
                        .add("personal", target.personalOrg())
                        .add("role", target.role().wireName())).build());
    }
}

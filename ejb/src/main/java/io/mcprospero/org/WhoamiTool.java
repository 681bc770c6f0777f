package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.agents.runs.Budgets;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** whoami: the signed-in user, the org the conversation works in, and the role there. */
@ApplicationScoped
public class WhoamiTool implements Tool {

    private Authorization authorization;
    private PlatformAdmins admins;
    private Budgets budgets;

    protected WhoamiTool() {
        // for the CDI proxy
    }

    @Inject
    public WhoamiTool(Authorization authorization, PlatformAdmins admins, Budgets budgets) {
        this.authorization = authorization;
        this.admins = admins;
        this.budgets = budgets;
    }

    @Override
    public String name() {
        return "whoami";
    }

    /** Everything it answers came with the caller, read for this request already, but the budget: a glance, rarely a query. */
    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Caller caller = context.caller();
        authorization.require(caller, Permission.VIEW_ORG);
        String orgName = OrgViews.displayName(caller.orgName(), caller.personalOrg());
        JsonObjectBuilder userJson = Jsons.object().add("id", caller.userId()).add("email", caller.email());
        if (caller.displayName() != null) {
            userJson.add("name", caller.displayName());
        }
        Budgets.Standing budget = budgets.glance(caller.orgId());
        JsonObject structured = Jsons.object()
                .add("user", userJson)
                .add("org", Jsons.object()
                        .add("id", caller.orgId())
                        .add("name", orgName)
                        .add("personal", caller.personalOrg())
                        .add("role", caller.role().wireName()))
                .add("platform_admin", admins.isAdmin(caller))
                .add("budget", Jsons.object().add("daily_units", budget.daily()).add("left_today", budget.left()))
                .build();
        return ToolResult.of("You are " + caller.email() + ", working in " + orgName + " as " + caller.role().wireName() + "; "
                + budget.left() + " of its " + budget.daily() + " daily units are left today.", structured);
    }
}

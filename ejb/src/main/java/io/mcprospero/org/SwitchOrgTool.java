package io.mcprospero.org;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.grants.Grants;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolListChanges;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * switch_org: changes the org that the caller's conversations through this client work in, to one the caller belongs
 * to. The current org is the grant's (this sign-in's), the same for a 2026-07-28 client and a legacy session.
 */
@ApplicationScoped
public class SwitchOrgTool implements Tool {

    private Authorization authorization;
    private Grants grants;
    private ToolListChanges toolListChanges;

    protected SwitchOrgTool() {
        // for the CDI proxy
    }

    @Inject
    public SwitchOrgTool(Authorization authorization, Grants grants, ToolListChanges toolListChanges) {
        this.authorization = authorization;
        this.grants = grants;
        this.toolListChanges = toolListChanges;
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
        if (!grants.switchOrg(context.grantId(), orgId)) {
            throw new NotAuthorized("this sign-in has ended; sign in again");
        }
        if (target.role() != context.caller().role()) {
            toolListChanges.changedFor(target.userId());
        }
        String name = OrgViews.displayName(target.orgName(), target.personalOrg());
        return ToolResult.of("Now working in " + name + " as " + target.role().wireName() + ".",
                Jsons.object().add("org", Jsons.object()
                        .add("id", orgId)
                        .add("name", name)
                        .add("personal", target.personalOrg())
                        .add("role", target.role().wireName())).build());
    }
}

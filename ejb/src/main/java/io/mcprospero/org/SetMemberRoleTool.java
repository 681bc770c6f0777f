package io.mcprospero.org;

import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** set_member_role: changes a member's role in the current org. */
@ApplicationScoped
public class SetMemberRoleTool implements Tool {

    private Members members;

    protected SetMemberRoleTool() {
        // for the CDI proxy
    }

    @Inject
    public SetMemberRoleTool(Members members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "set_member_role";
    }

    @Override
    public Permission listedWith() {
        return Permission.CHANGE_ROLES;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Membership changed = members.setRole(context.caller(), arguments.getString("user"), Role.fromWireName(arguments.getString("role")));
        return ToolResult.of(changed.user().email() + " is now " + changed.role().wireName() + " in "
                        + OrgViews.displayName(context.caller().orgName(), context.caller().personalOrg()) + ".",
                MemberViews.of(changed).add("org_id", context.caller().orgId()).build());
    }
}

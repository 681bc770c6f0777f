package io.mcprospero.org;

import io.mcprospero.grants.Grants;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * leave_org: the caller leaves one of their shared orgs, once the person has confirmed; if this sign-in works in it,
 * it moves back to the personal org.
 */
@ApplicationScoped
public class LeaveOrgTool implements Tool {

    private Members members;
    private Orgs orgs;
    private Grants grants;

    protected LeaveOrgTool() {
        // for the CDI proxy
    }

    @Inject
    public LeaveOrgTool(Members members, Orgs orgs, Grants grants) {
        this.members = members;
        this.orgs = orgs;
        this.grants = grants;
    }

    @Override
    public String name() {
        return "leave_org";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String orgId = arguments.getString("org_id").strip();
        Org leaving = members.leavable(context.caller().userId(), orgId);
        String name = OrgViews.displayName(leaving.name(), false);
        String question = "Leave " + name + "? You lose access to its agents and connections at once; to come back, an owner or "
                + "admin must invite you again.";
        switch (context.confirm(arguments, question, "Leave " + name)) {
            case DECLINED:
                return ToolResult.declined("leave " + name);
            case ASK_IN_CONVERSATION:
                return ToolResult.confirmInConversation(question, name());
            default:
                break;
        }
        Org left = members.leave(context.caller().userId(), orgId);
        boolean wasCurrent = orgId.equals(context.caller().orgId());
        if (wasCurrent) {
            grants.switchOrg(context.grantId(), orgs.personalOrgOf(context.caller().userId()).id());
        }
        return ToolResult.of("You left " + left.name() + "." + (wasCurrent ? " This conversation now works in your Personal org." : ""),
                Jsons.object()
                        .add("outcome", "left")
                        .add("left_org_id", left.id())
                        .add("current_org", wasCurrent ? "personal" : "unchanged")
                        .build());
    }
}

package io.mcprospero.org;

import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * remove_member: takes someone out of the current org, or withdraws their pending invitation. Their conversations
 * that were working in the org move to their Personal org at their next request.
 */
@ApplicationScoped
public class RemoveMemberTool implements Tool {

    private Members members;
    private Invitations invitations;

    protected RemoveMemberTool() {
        // for the CDI proxy
    }

    @Inject
    public RemoveMemberTool(Members members, Invitations invitations) {
        this.members = members;
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "remove_member";
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
        String user = arguments.getString("user");
        String org = OrgViews.displayName(context.caller().orgName(), context.caller().personalOrg());
        if (members.removable(context.caller(), user).isEmpty()) {
            invitations.cancellable(context.caller(), user);
        }
        String question = "Remove " + user.strip() + " from " + org + "? They lose access to its agents and connections at once "
                + "(a pending invitation is withdrawn).";
        switch (context.confirm(arguments, question, "Remove " + user.strip())) {
            case DECLINED:
                return ToolResult.declined("remove " + user.strip() + " from " + org);
            case ASK_IN_CONVERSATION:
                return ToolResult.confirmInConversation(question, name());
            default:
                break;
        }
        Optional<Membership> removed = members.remove(context.caller(), user);
        if (removed.isPresent()) {
            Membership member = removed.get();
            return ToolResult.of(member.user().email() + " is no longer a member of " + org + ".", Jsons.object()
                    .add("outcome", "removed")
                    .add("removed", member.user().email())
                    .add("user_id", member.user().id())
                    .add("role", member.role().wireName())
                    .add("org_id", context.caller().orgId())
                    .build());
        }
        Invitation cancelled = invitations.cancel(context.caller(), user);
        return ToolResult.of("The invitation of " + cancelled.email() + " to " + org + " is withdrawn.", Jsons.object()
                .add("outcome", "invitation_withdrawn")
                .add("invitation_withdrawn", cancelled.email())
                .add("role", cancelled.role().wireName())
                .add("org_id", context.caller().orgId())
                .build());
    }
}

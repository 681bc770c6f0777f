package io.mcprospero.org;

import io.mcprospero.authz.Permission;
import io.mcprospero.authz.PermissionMatrix;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** list_members: the members of the current org with their roles, and (for those who may invite) pending invitations. */
@ApplicationScoped
public class ListMembersTool implements Tool {

    private Members members;
    private Invitations invitations;

    protected ListMembersTool() {
        // for the CDI proxy
    }

    @Inject
    public ListMembersTool(Members members, Invitations invitations) {
        this.members = members;
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "list_members";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        List<Membership> current = members.of(context.caller());
        List<Invitation> pending = PermissionMatrix.allows(context.caller().role(), Permission.INVITE_MEMBERS)
                ? invitations.pendingIn(context.caller()) : List.of();
        JsonArrayBuilder memberJson = Jsons.array();
        current.forEach(m -> memberJson.add(MemberViews.of(m)));
        JsonArrayBuilder pendingJson = Jsons.array();
        pending.forEach(i -> pendingJson.add(MemberViews.of(i)));
        String text = "Members of " + OrgViews.displayName(context.caller().orgName(), context.caller().personalOrg()) + ": "
                + current.stream().map(m -> m.user().email() + " (" + m.role().wireName() + ")").collect(Collectors.joining(", "))
                + (pending.isEmpty() ? "." : ". Invited, not signed in yet: "
                + pending.stream().map(i -> i.email() + " (" + i.role().wireName() + ")").collect(Collectors.joining(", ")) + ".");
        return ToolResult.of(text, Jsons.object()
                .add("org_id", context.caller().orgId())
                .add("members", memberJson)
                .add("pending_invitations", pendingJson)
                .build());
    }
}

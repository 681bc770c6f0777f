package io.mcprospero.org;

import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * invite_member: invites an email into the current (shared) org with a role. The invitation waits until its person
 * accepts it, and the answer is the same whether or not the email has an account.
 */
@ApplicationScoped
public class InviteMemberTool implements Tool {

    private Invitations invitations;

    protected InviteMemberTool() {
        // for the CDI proxy
    }

    @Inject
    public InviteMemberTool(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "invite_member";
    }

    @Override
    public Permission listedWith() {
        return Permission.INVITE_MEMBERS;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Invited invited = invitations.invite(context.caller(), arguments.getString("email"), Role.fromWireName(arguments.getString("role")));
        String org = context.caller().orgName();
        String text = invited.updated()
                ? invited.email() + " was already invited to " + org + "; the invitation now gives the role " + invited.role().wireName() + "."
                : "Invited " + invited.email() + " to " + org + " as " + invited.role().wireName() + ".";
        text += " They become a member once they accept: at their next sign-in, or with accept_invitation.";
        return ToolResult.of(text, Jsons.object()
                .add("email", invited.email())
                .add("role", invited.role().wireName())
                .add("status", "pending")
                .add("org_id", context.caller().orgId())
                .build());
    }
}

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

/** invite_member: invites an email into the current (shared) org with a role; an existing account joins at once. */
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
        String text;
        if (invited.memberNow()) {
            text = invited.email() + " already has an account and is now a member of " + org + " as " + invited.role().wireName() + ".";
        } else if (invited.updated()) {
            text = invited.email() + " was already invited to " + org + "; the invitation now gives the role " + invited.role().wireName() + ".";
        } else {
            text = "Invited " + invited.email() + " to " + org + " as " + invited.role().wireName()
                    + ". They may now sign up, and become a member when they first sign in.";
        }
        return ToolResult.of(text, Jsons.object()
                .add("email", invited.email())
                .add("role", invited.role().wireName())
                .add("status", invited.memberNow() ? "member" : "pending")
                .add("org_id", context.caller().orgId())
                .build());
    }
}

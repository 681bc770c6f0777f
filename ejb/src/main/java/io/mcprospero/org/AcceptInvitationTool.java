package io.mcprospero.org;

import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** accept_invitation: the signed-in person joins an org that invited them, with the invited role; only they can. */
@ApplicationScoped
public class AcceptInvitationTool implements Tool {

    private Invitations invitations;

    protected AcceptInvitationTool() {
        // for the CDI proxy
    }

    @Inject
    public AcceptInvitationTool(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "accept_invitation";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Membership membership = invitations.accept(context.caller().userId(), arguments.getString("org_id").strip());
        return ToolResult.of("You joined " + membership.org().name() + " as " + membership.role().wireName()
                        + ". Call switch_org with its id to work in it.",
                Jsons.object().add("org_id", membership.org().id()).add("org_name", membership.org().name())
                        .add("role", membership.role().wireName()).build());
    }
}

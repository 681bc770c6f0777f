package io.mcprospero.org;

import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** list_invitations: the invitations into shared orgs waiting for the signed-in person; accept_invitation takes one. */
@ApplicationScoped
public class ListInvitationsTool implements Tool {

    private Invitations invitations;

    protected ListInvitationsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListInvitationsTool(Invitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return "list_invitations";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        List<PendingInvitation> waiting = invitations.waitingFor(context.caller().userId());
        JsonArrayBuilder listed = Jsons.array();
        waiting.forEach(invitation -> listed.add(Jsons.object()
                .add("org_id", invitation.orgId())
                .add("org_name", invitation.orgName())
                .add("role", invitation.role().wireName())
                .add("invited_by", invitation.invitedBy())
                .add("invited_at", invitation.invitedAt().toString())));
        String text = waiting.isEmpty() ? "No invitations are waiting for you."
                : "Invitations waiting for you: " + waiting.stream().map(invitation -> invitation.orgName() + " as "
                        + invitation.role().wireName() + " (org_id " + invitation.orgId() + ", from " + invitation.invitedBy() + ")")
                        .collect(Collectors.joining("; ")) + ". Call accept_invitation with the org_id to join one.";
        return ToolResult.of(text, Jsons.object().add("invitations", listed).build());
    }
}

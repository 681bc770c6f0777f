package io.mcprospero.web.identity;

import io.mcprospero.identity.InvitationsView;
import io.mcprospero.identity.SignInFlow;
import io.mcprospero.org.Invitations;
import io.mcprospero.org.PendingInvitation;
import io.mcprospero.web.BrowserPage;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The invitations page of a sign-in: the orgs that invited the person, each joined only if they tick it. Shown once per
 * sign-in while invitations wait; what is not accepted keeps waiting (accept_invitation takes it later).
 */
@BrowserPage
@Path("/oauth/invitations")
@RequestScoped
public class InvitationsResource {

    private SignInFlow flow;
    private Invitations invitations;

    protected InvitationsResource() {
        // for the CDI proxy
    }

    @Inject
    public InvitationsResource(SignInFlow flow, Invitations invitations) {
        this.flow = flow;
        this.invitations = invitations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        InvitationsView view = flow.invitationsView(requestId, FlowCookie.read(headers, requestId));
        StringBuilder body = new StringBuilder("<h1>You are invited</h1><p>Tick the orgs you want to join. You can also "
                + "accept later: ask Claude to list your invitations (list_invitations).</p>"
                + "<form method=\"post\" action=\"/oauth/invitations\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + Html.escape(view.requestId()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(view.csrfToken()) + "\"><ul>");
        for (PendingInvitation invitation : invitations.waitingFor(view.userId())) {
            body.append("<li><label><input type=\"checkbox\" name=\"accept\" value=\"").append(Html.escape(invitation.orgId()))
                    .append("\"> Join <strong>").append(Html.escape(invitation.orgName())).append("</strong> as ")
                    .append(Html.escape(invitation.role().wireName())).append(", invited by ").append(Html.escape(invitation.invitedBy()))
                    .append("</label></li>");
        }
        body.append("</ul><button type=\"submit\">Continue</button></form>");
        return Html.page(200, "Invitations", body.toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("accept") List<String> accepted, @Context HttpHeaders headers) {
        String browserSecret = FlowCookie.read(headers, requestId);
        String userId = flow.invitationsAnswered(requestId, browserSecret, csrf);
        Set<String> chosen = accepted == null ? Set.of() : Set.copyOf(accepted);
        // only the person's own invitations are accepted, whatever else the form names
        Set<String> waiting = invitations.waitingFor(userId).stream().map(PendingInvitation::orgId).collect(Collectors.toSet());
        chosen.stream().filter(waiting::contains).forEach(orgId -> invitations.accept(userId, orgId));
        return FlowResponses.redirect(flow.afterInvitations(requestId, browserSecret));
    }
}

package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.identity.ConsentView;
import io.mcprospero.identity.SignInFlow;
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

/**
 * The consent page: which application, where it will send you, and what it will be able to do. Asked once
 * per person and client; the answer is remembered. The page cannot be framed (clickjacking).
 */
@BrowserPage
@Path("/oauth/consent")
@RequestScoped
public class ConsentResource {

    private SignInFlow flow;

    protected ConsentResource() {
        // for the CDI proxy
    }

    @Inject
    public ConsentResource(SignInFlow flow) {
        this.flow = flow;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        ConsentView view = flow.consentView(requestId, FlowCookie.read(headers, requestId));
        String who = view.clientName() == null ? "An application that did not give its name" : view.clientName();
        String body = "<h1>Allow " + Html.escape(who) + " to use MCProspero?</h1>"
                + "<p>After you allow it, you go back to <strong>" + Html.escape(view.destination()) + "</strong>.</p>"
                + "<p>It will be able to act as you through MCProspero's tools:</p><ul>"
                + "<li>see your account and the orgs you belong to, and switch between them;</li>"
                + "<li>create, change, run and delete agents where your role in an org allows it;</li>"
                + "<li>let those agents use the accounts you connected (mail, calendar, chat) as their instructions say;</li>"
                + "<li>invite people and manage members where your role allows it.</li></ul>"
                + "<p class=\"muted\">Client id: " + Html.escape(view.clientId()) + ". You can revoke this at any time by "
                + "disconnecting the application.</p>"
                + "<form method=\"post\" action=\"/oauth/consent\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + Html.escape(view.requestId()) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(view.csrfToken()) + "\">"
                + "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>";
        return Html.page(200, "Allow access", body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("decision") String decision, @Context HttpHeaders headers) {
        return FlowResponses.redirect(flow.consented(requestId, FlowCookie.read(headers, requestId), csrf, "allow".equals(decision)));
    }
}

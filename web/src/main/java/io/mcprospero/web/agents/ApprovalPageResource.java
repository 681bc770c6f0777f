package io.mcprospero.web.agents;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.agents.ApprovalLinks;
import io.mcprospero.agents.Manifest;
import io.mcprospero.failure.DomainException;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The approval page, for clients that cannot show the person a form: it shows the manifest of the exact version the
 * link names and takes the person's approve or decline, once. The form carries a token that must match a cookie set
 * with the page (SameSite=Strict), so another site cannot submit it; the page cannot be framed.
 */
@BrowserPage
@Path("/agents/approve/{link}")
@RequestScoped
public class ApprovalPageResource {

    static final String CSRF_COOKIE = "mcprospero_approval_csrf";

    private ApprovalLinks links;

    protected ApprovalPageResource() {
        // for the CDI proxy
    }

    @Inject
    public ApprovalPageResource(ApprovalLinks links) {
        this.links = links;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("link") String link) {
        ApprovalLinks.Pending pending;
        try {
            pending = links.pending(link);
        } catch (DomainException gone) {
            return Html.errorPage(404, "Approval link", gone.getMessage());
        }
        String csrf = RandomTokens.next();
        Manifest manifest = pending.manifest();
        String body = "<h1>Approve the agent " + Html.escape(pending.agentName()) + "?</h1>"
                + "<p>Version " + pending.version() + " asks to run on its own. Approve it only if this is what you asked for.</p><ul>"
                + item("Reads", manifest.reads().isEmpty() ? "nothing beyond its instructions" : String.join("; ", manifest.reads()))
                + item("May send to", manifest.sendsTo().isEmpty() ? "nowhere (results stay in its runs)" : String.join("; ", manifest.sendsTo()))
                + item("Tools", manifest.tools().isEmpty() ? "none" : String.join(", ", manifest.tools()))
                + (manifest.allowedHosts().isEmpty() ? "" : item("Web hosts", String.join(", ", manifest.allowedHosts())))
                + item("Runs", manifest.when())
                + item("Cost", "about " + manifest.estimatedUnitsPerRun() + " units a run, at most " + manifest.maxUnitsPerRun())
                + "</ul><form method=\"post\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf) + "\">"
                + "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"decline\">Decline</button></form>";
        return Response.fromResponse(Html.page(200, "Approve an agent", body))
                .cookie(new NewCookie.Builder(CSRF_COOKIE).value(csrf).path("/agents/approve").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).maxAge(3600).build())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("link") String link, @FormParam("csrf") String csrf, @FormParam("decision") String decision,
                           @CookieParam(CSRF_COOKIE) String cookie) {
        if (csrf == null || cookie == null || !Hashes.constantTimeEquals(csrf, cookie)) {
            return Html.errorPage(403, "Approval", "This form was not sent from the approval page it belongs to; open the link again.");
        }
        if (!"approve".equals(decision) && !"decline".equals(decision)) {
            return Html.errorPage(400, "Approval", "Choose Approve or Decline.");
        }
        try {
            ApprovalLinks.Pending decided = links.decide(link, "approve".equals(decision));
            String name = Html.escape(decided.agentName());
            return Html.page(200, "Approval", "approve".equals(decision)
                    ? "<h1>" + name + " is approved</h1><p>Version " + decided.version() + " is active and runs as shown. You can go back to your conversation.</p>"
                    : "<h1>" + name + " was not approved</h1><p>It stays pending and does not run.</p>");
        } catch (DomainException refused) {
            return Html.errorPage(refused instanceof io.mcprospero.failure.NotFound ? 404 : 409, "Approval", refused.getMessage());
        }
    }

    private static String item(String label, String value) {
        return "<li><strong>" + Html.escape(label) + ":</strong> " + Html.escape(value) + "</li>";
    }
}

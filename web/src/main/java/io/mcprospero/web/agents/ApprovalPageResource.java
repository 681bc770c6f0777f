package io.mcprospero.web.agents;

import io.mcprospero.agents.ApprovalLinks;
import io.mcprospero.agents.Manifest;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.DomainException;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.identity.BrowserSessions;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.support.Hashes;
import io.mcprospero.web.BrowserPage;
import io.mcprospero.web.Html;
import io.mcprospero.web.identity.SessionCookie;
import io.mcprospero.web.identity.SignInStart;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

/**
 * The approval page, for clients that cannot show the person a form. The link alone decides nothing (the model saw
 * it): a browser that is not signed in is sent through the same sign-in as /oauth/authorize and comes back here with
 * a short-lived session; only the person the link was issued to, while they may still manage the org's agents, is
 * shown the manifest of the exact version the link names and may approve or decline it, once. Everyone else gets a
 * 403 page naming who may. The form carries the session's CSRF token; the page cannot be framed.
 */
@BrowserPage
@Path("/agents/approve/{link}")
@RequestScoped
public class ApprovalPageResource {

    private ApprovalLinks links;
    private BrowserSessions sessions;
    private SignInStart signIn;
    private OAuthSettings settings;

    protected ApprovalPageResource() {
        // for the CDI proxy
    }

    @Inject
    public ApprovalPageResource(ApprovalLinks links, BrowserSessions sessions, SignInStart signIn, OAuthSettings settings) {
        this.links = links;
        this.sessions = sessions;
        this.signIn = signIn;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("link") String link, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        try {
            links.pending(link);
        } catch (DomainException gone) {
            return refused(gone, null, link);
        }
        Optional<BrowserSessions.SignedIn> person = sessions.signedIn(SessionCookie.read(headers));
        if (person.isEmpty()) {
            return signIn.returningTo(pathOf(link), http);
        }
        ApprovalLinks.Pending pending;
        try {
            pending = links.decidableBy(link, person.get().userId());
        } catch (DomainException refusal) {
            return refused(refusal, person.get(), link);
        }
        Manifest manifest = pending.manifest();
        String body = "<h1>Approve the agent " + Html.escape(pending.agentName()) + "?</h1>"
                + "<p>Version " + pending.version() + " asks to run on its own. Approve it only if this is what you asked for.</p><ul>"
                + item("Reads", manifest.reads().isEmpty() ? "nothing beyond its instructions" : String.join("; ", manifest.reads()))
                + item("May send to", manifest.sendsTo().isEmpty() ? "nowhere (results stay in its runs)" : String.join("; ", manifest.sendsTo()))
                + item("Tools", manifest.tools().isEmpty() ? "none" : String.join(", ", manifest.tools()))
                + (manifest.allowedHosts().isEmpty() ? "" : item("Web hosts", String.join(", ", manifest.allowedHosts())))
                + item("Runs", manifest.when())
                + item("Cost", "about " + manifest.estimatedUnitsPerRun() + " units a run, at most " + manifest.maxUnitsPerRun())
                + "</ul><form method=\"post\" action=\"" + Html.escape(pathOf(link)) + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(person.get().csrfToken()) + "\">"
                + "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"decline\">Decline</button></form>"
                + signedInAs(person.get(), link);
        return Html.page(200, "Approve an agent", body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("link") String link, @FormParam("csrf") String csrf, @FormParam("decision") String decision,
                           @Context HttpHeaders headers) {
        Optional<BrowserSessions.SignedIn> person = sessions.signedIn(SessionCookie.read(headers));
        if (person.isEmpty()) {
            return Html.errorPage(403, "Approval", "You are not signed in here (or your sign-in expired), so nothing was changed. "
                    + "Open the link again to sign in.");
        }
        if (!sameToken(csrf, person.get().csrfToken())) {
            return Html.errorPage(403, "Approval", "This form was not sent from the approval page it belongs to, so nothing was "
                    + "changed; open the link again.");
        }
        if (!"approve".equals(decision) && !"decline".equals(decision)) {
            return Html.errorPage(400, "Approval", "Choose Approve or Decline.");
        }
        try {
            ApprovalLinks.Pending decided = links.decide(link, person.get().userId(), "approve".equals(decision));
            String name = Html.escape(decided.agentName());
            return Html.page(200, "Approval", "approve".equals(decision)
                    ? "<h1>" + name + " is approved</h1><p>Version " + decided.version() + " is active and runs as shown. You can go back to your conversation.</p>"
                    : "<h1>" + name + " was not approved</h1><p>It stays pending and does not run.</p>");
        } catch (DomainException refusal) {
            return refused(refusal, person.get(), link);
        }
    }

    /** Signs this browser out (the session revoked on the server), so that the right person can sign in. */
    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signOut(@PathParam("link") String link, @FormParam("csrf") String csrf, @Context HttpHeaders headers) {
        String secret = SessionCookie.read(headers);
        Optional<BrowserSessions.SignedIn> person = sessions.signedIn(secret);
        if (person.isEmpty() || !sameToken(csrf, person.get().csrfToken())) {
            return Html.errorPage(403, "Sign out", "This form was not sent from the approval page it belongs to; nothing was changed.");
        }
        sessions.revoke(secret);
        return Response.seeOther(UriBuilder.fromPath(pathOf(link)).build())
                .cookie(SessionCookie.cleared(settings.issuer().startsWith("https:"))).header("Cache-Control", "no-store").build();
    }

    private static Response refused(DomainException refusal, BrowserSessions.SignedIn person, String link) {
        int status = refusal instanceof NotAuthorized ? 403 : refusal instanceof NotFound ? 404 : refusal instanceof Conflict ? 409 : 400;
        String page = "<h1>Approval</h1><p class=\"error\" role=\"alert\">" + Html.escape(refusal.getMessage()) + "</p>"
                + (person == null ? "" : signedInAs(person, link));
        return Html.page(status, "Approval", page);
    }

    private static String signedInAs(BrowserSessions.SignedIn person, String link) {
        return "<form method=\"post\" action=\"" + Html.escape(pathOf(link) + "/sign-out") + "\"><p class=\"muted\">Signed in as "
                + Html.escape(person.email()) + ". "
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(person.csrfToken()) + "\">"
                + "<button type=\"submit\" name=\"sign_out\" value=\"yes\">Sign in as someone else</button></p></form>";
    }

    private static boolean sameToken(String presented, String expected) {
        return presented != null && Hashes.constantTimeEquals(presented, expected);
    }

    private static String pathOf(String link) {
        return "/agents/approve/" + link;
    }

    private static String item(String label, String value) {
        return "<li><strong>" + Html.escape(label) + ":</strong> " + Html.escape(value) + "</li>";
    }
}

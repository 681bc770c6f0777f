package io.mcprospero.web.connections;

import io.mcprospero.connections.ConnectRequests;
import io.mcprospero.failure.DomainException;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.support.Hashes;
import io.mcprospero.web.BrowserPage;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * Connecting an account in the person's browser: {@code /connect/{provider}?request=…} (the link connect_account gave)
 * sends the browser to the provider's consent; {@code /connect/{provider}/callback} takes the code back. The state
 * travels in the redirect and in a cookie of this browser, and both must match, so a callback started in another
 * browser (a forged sign-in) is refused. The cookie is Lax, not Strict: it must come back on the provider's top-level
 * redirect; Secure when the public URL is https.
 */
@BrowserPage
@Path("/connect/{provider}")
@RequestScoped
public class ConnectResource {

    static final String STATE_COOKIE = "mcprospero_connect_state";

    private ConnectRequests requests;
    private OAuthSettings settings;

    protected ConnectResource() {
        // for the CDI proxy
    }

    @Inject
    public ConnectResource(ConnectRequests requests, OAuthSettings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("provider") String provider, @QueryParam("request") String request) {
        ConnectRequests.Consent consent;
        try {
            consent = requests.open(provider, request);
        } catch (DomainException refused) {
            return Html.errorPage(404, "Connect an account", refused.getMessage());
        }
        return Response.seeOther(consent.location())
                .cookie(new NewCookie.Builder(STATE_COOKIE).value(consent.state()).path("/connect/" + provider).httpOnly(true)
                        .secure(settings.issuer().startsWith("https:")).sameSite(NewCookie.SameSite.LAX).maxAge(900).build())
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/callback")
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@PathParam("provider") String provider, @QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error, @CookieParam(STATE_COOKIE) String cookie) {
        if (state == null || cookie == null || !Hashes.constantTimeEquals(state, cookie)) {
            return Html.errorPage(403, "Connect an account", "This answer from the provider does not belong to a sign-in started in this "
                    + "browser. Open the connect link again.");
        }
        if (error != null || code == null) {
            return Html.errorPage(400, "Connect an account", "The account was not connected"
                    + (error == null ? "." : " (the provider said: " + error + ").") + " Ask in the conversation for a new link if you want to try again.");
        }
        try {
            ConnectRequests.Connected connected = requests.complete(provider, state, code);
            return Response.fromResponse(Html.page(200, "Connected", "<h1>" + Html.escape(connected.provider().displayName()) + " is connected</h1><p>"
                            + Html.escape((connected.account() == null ? "The account" : connected.account()) + " is connected to the org \""
                            + connected.orgName() + "\" for " + connected.provider().gives() + ". You can close this window and go back to "
                            + "the conversation.") + "</p>"))
                    .cookie(new NewCookie.Builder(STATE_COOKIE).value("").path("/connect/" + provider).maxAge(0).build())
                    .build();
        } catch (DomainException | IntegrationFailure refused) {
            return Html.errorPage(400, "Connect an account", refused.getMessage());
        }
    }
}

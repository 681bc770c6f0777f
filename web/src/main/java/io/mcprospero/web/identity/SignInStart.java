package io.mcprospero.web.identity;

import io.mcprospero.identity.IdentityMode;
import io.mcprospero.identity.oidc.UpstreamSignIn;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.AuthorizeRateLimit;
import io.mcprospero.oauth.BrowserFlow;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The start of a browser sign-in, for /oauth/authorize and for MCProspero's own pages alike: who may start one (local
 * sign-in answers this computer only; a per-address rate limit), the cookie that binds the stored request to this
 * browser, and, by identity mode, the local sign-in page or the way to the upstream OpenID Connect provider.
 */
@ApplicationScoped
public class SignInStart {

    private AuthorizationRequests authorizations;
    private UpstreamSignIn upstream;
    private LoopbackOnly loopbackOnly;
    private AuthorizeRateLimit rateLimit;
    private ClientAddress clientAddress;
    private OAuthSettings settings;
    private String mode;

    protected SignInStart() {
        // for the CDI proxy
    }

    @Inject
    public SignInStart(AuthorizationRequests authorizations, UpstreamSignIn upstream, LoopbackOnly loopbackOnly,
                       AuthorizeRateLimit rateLimit, ClientAddress clientAddress, OAuthSettings settings,
                       @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.authorizations = authorizations;
        this.upstream = upstream;
        this.loopbackOnly = loopbackOnly;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
        this.settings = settings;
        this.mode = mode;
    }

    /** Refuses a sign-in this request may not start (before anything is stored); answers the client's address. */
    public String admit(HttpServletRequest http) {
        if (!IdentityMode.OIDC.equals(mode)) {
            loopbackOnly.check(http);
        }
        String address = clientAddress.of(http);
        rateLimit.admit(address, Instant.now());
        return address;
    }

    /** The sign-in for one of MCProspero's own pages: once signed in, the browser comes back to {@code returnTo}. */
    public Response returningTo(String returnTo, HttpServletRequest http) {
        admit(http);
        return signIn(authorizations.beginReturningTo(returnTo));
    }

    /** The browser's first step of this stored sign-in: the local page, or off to the upstream provider. */
    public Response signIn(BrowserFlow flow) {
        NewCookie cookie = FlowCookie.issue(flow.request().id(), flow.browserSecret(), settings.authorizationRequestTtl(),
                settings.issuer().startsWith("https:"));
        if (IdentityMode.OIDC.equals(mode)) {
            return Response.seeOther(upstream.start(flow)).cookie(cookie).header("Cache-Control", "no-store").build();
        }
        return SignInPage.render(flow.request(), null, null, 200, cookie);
    }
}

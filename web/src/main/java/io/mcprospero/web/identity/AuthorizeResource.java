package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.identity.IdentityMode;
import io.mcprospero.identity.oidc.UpstreamSignIn;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.AuthorizeRateLimit;
import io.mcprospero.oauth.BrowserFlow;
import io.mcprospero.oauth.OAuthClients;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authorization endpoint. It validates and stores the request, binds it to this browser with a
 * cookie, and then, by identity mode, shows the local sign-in page or sends the browser to the upstream
 * OpenID Connect provider.
 */
@BrowserPage
@Path("/")
@RequestScoped
public class AuthorizeResource {

    private AuthorizationRequests authorizations;
    private OAuthClients clients;
    private UpstreamSignIn upstream;
    private LoopbackOnly loopbackOnly;
    private AuthorizeRateLimit rateLimit;
    private ClientAddress clientAddress;
    private OAuthSettings settings;
    private String mode;

    protected AuthorizeResource() {
        // for the CDI proxy
    }

    @Inject
    public AuthorizeResource(AuthorizationRequests authorizations, OAuthClients clients, UpstreamSignIn upstream,
                             LoopbackOnly loopbackOnly, AuthorizeRateLimit rateLimit, ClientAddress clientAddress,
                             OAuthSettings settings, @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.upstream = upstream;
        this.loopbackOnly = loopbackOnly;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
        this.settings = settings;
        this.mode = mode;
    }

    @GET
    @Path("oauth/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        boolean oidc = IdentityMode.OIDC.equals(mode);
        if (!oidc) {
            loopbackOnly.check(http);
        }
        String address = clientAddress.of(http);
        rateLimit.admit(address, Instant.now());
        // before begin's transaction: a client's metadata document is fetched holding no database connection
        clients.prefetch(query.clientId, address);
        BrowserFlow flow = authorizations.begin(query.toParameters());
        NewCookie cookie = FlowCookie.issue(flow.request().id(), flow.browserSecret(), settings.authorizationRequestTtl(),
                settings.issuer().startsWith("https:"));
        if (oidc) {
            return Response.seeOther(upstream.start(flow)).cookie(cookie).header("Cache-Control", "no-store").build();
        }
        return SignInPage.render(flow.request(), null, null, 200, cookie);
    }

    /** The root alias: some clients ignore the metadata and try /authorize at the origin. */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeAtRoot(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        return authorize(query, http);
    }
}

package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.OAuthClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The authorization endpoint. It validates and stores the request, binds it to this browser with a
 * cookie, and then, by identity mode, shows the local sign-in page or sends the browser to the upstream
 * OpenID Connect provider ({@link SignInStart}).
 */
@BrowserPage
@Path("/")
@RequestScoped
public class AuthorizeResource {

    private AuthorizationRequests authorizations;
    private OAuthClients clients;
    private SignInStart start;

    protected AuthorizeResource() {
        // for the CDI proxy
    }

    @Inject
    public AuthorizeResource(AuthorizationRequests authorizations, OAuthClients clients, SignInStart start) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.start = start;
    }

    @GET
    @Path("oauth/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        String address = start.admit(http);
        // before begin's transaction: a client's metadata document is fetched holding no database connection
        clients.prefetch(query.clientId, address);
        return start.signIn(authorizations.begin(query.toParameters()));
    }
    /** The root alias: some clients ignore the metadata and try /authorize at the origin. */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeAtRoot(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        return authorize(query, http);
    }
}

package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.identity.oidc.UpstreamRefused;
import io.mcprospero.identity.oidc.UpstreamSignIn;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Where the upstream OpenID Connect provider sends the browser back after sign-in (register this URL there). */
@BrowserPage
@Path("/oauth/callback")
@RequestScoped
public class OidcCallbackResource {

    private UpstreamSignIn upstream;
    private AuthorizationRequests authorizations;

    protected OidcCallbackResource() {
        // for the CDI proxy
    }

    @Inject
    public OidcCallbackResource(UpstreamSignIn upstream, AuthorizationRequests authorizations) {
        this.upstream = upstream;
        this.authorizations = authorizations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
                             @QueryParam("error") String error, @Context HttpHeaders headers) {
        AuthorizationRequest request = authorizations.byUpstreamState(state);
        String browserSecret = FlowCookie.read(headers, request.id());
        if (error != null) {
            authorizations.bound(request.id(), browserSecret);
            throw new UpstreamRefused("the sign-in provider did not sign you in (" + error.replaceAll("[^A-Za-z0-9_.-]", "") + ")");
        }
        return FlowResponses.redirect(upstream.finish(state, code, browserSecret));
    }
}

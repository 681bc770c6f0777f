package io.mcprospero.web.identity;

import io.mcprospero.identity.LocalAccessCode;
import io.mcprospero.identity.UserProvisioning;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.UnsafeRedirect;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The authorization endpoint with local sign-in, the embedded identity provider: the person enters their
 * email and the server's access code. Meant for a laptop, so it answers loopback addresses only unless
 * {@code mcprospero.identity.local.allow-remote=true}.
 */
@Path("/")
@RequestScoped
public class LocalSignInResource {

    private AuthorizationRequests authorizations;
    private LocalAccessCode accessCode;
    private UserProvisioning provisioning;
    private boolean allowRemote;

    protected LocalSignInResource() {
        // for the CDI proxy
    }

    @Inject
    public LocalSignInResource(AuthorizationRequests authorizations, LocalAccessCode accessCode, UserProvisioning provisioning,
                               @ConfigProperty(name = "mcprospero.identity.local.allow-remote") boolean allowRemote) {
        this.authorizations = authorizations;
        this.accessCode = accessCode;
        this.provisioning = provisioning;
        this.allowRemote = allowRemote;
    }

    @GET
    @Path("oauth/authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        requireLoopback(http);
        AuthorizationRequest request = authorizations.begin(query.toParameters());
        return signInPage(request, null, null, 200);
    }

    /** The root alias: some clients ignore the metadata and try /authorize at the origin. */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeAtRoot(@BeanParam AuthorizeQuery query, @Context HttpServletRequest http) {
        return authorize(query, http);
    }

    @POST
    @Path("oauth/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("request") String requestId,
                           @FormParam("email") String email,
                           @FormParam("access_code") String code,
                           @Context HttpServletRequest http) {
        requireLoopback(http);
        AuthorizationRequest request = authorizations.open(requestId)
                .orElseThrow(() -> new UnsafeRedirect("this sign-in link has expired or was already used; start again from your MCP client"));
        if (!accessCode.matches(code)) {
            return signInPage(request, email, "That access code is not right. It is printed in the server's log at start-up.", 401);
        }
        User user;
        try {
            user = provisioning.signedIn(email, null);
        } catch (IllegalArgumentException badEmail) {
            return signInPage(request, email, badEmail.getMessage() + ".", 400);
        }
        return Response.seeOther(URI.create(authorizations.approve(request.id(), user.id()))).build();
    }

    private Response signInPage(AuthorizationRequest request, String email, String error, int status) {
        String body = "<h1>Sign in to MCProspero</h1>"
                + "<p class=\"muted\">An application wants to connect to MCProspero on your behalf.</p>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>")
                + "<form method=\"post\" action=\"/oauth/sign-in\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + Html.escape(request.id()) + "\">"
                + "<label for=\"email\">Email</label>"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required value=\"" + Html.escape(email) + "\">"
                + "<label for=\"access_code\">Access code</label>"
                + "<input id=\"access_code\" name=\"access_code\" type=\"password\" autocomplete=\"off\" required>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">The access code is printed in the server's log when it starts, unless it was set "
                + "with mcprospero.identity.local.access-code.</p>";
        return Html.page(status, "Sign in", body);
    }

    private void requireLoopback(HttpServletRequest http) {
        if (allowRemote) {
            return;
        }
        try {
            if (!InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress()) {
                throw new UnsafeRedirect("local sign-in answers on this computer only; set mcprospero.identity.local.allow-remote=true "
                        + "or configure an OpenID Connect provider (mcprospero.identity.mode=oidc)");
            }
        } catch (UnknownHostException e) {
            throw new UnsafeRedirect("the address of this request cannot be read");
        }
    }
}

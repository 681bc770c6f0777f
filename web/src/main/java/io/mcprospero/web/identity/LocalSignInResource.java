package io.mcprospero.web.identity;

import io.mcprospero.web.BrowserPage;
import io.mcprospero.identity.IdentityMode;
import io.mcprospero.identity.LocalAccessCode;
import io.mcprospero.identity.SignInAttempts;
import io.mcprospero.identity.SignInFlow;
import io.mcprospero.identity.SignedInPerson;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.UnsafeRedirect;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.web.ClientAddress;
import io.mcprospero.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Local sign-in, the embedded identity provider: the person enters their email and the server's access code. */
@BrowserPage
@Path("/oauth/sign-in")
@RequestScoped
public class LocalSignInResource {

    private AuthorizationRequests authorizations;
    private LocalAccessCode accessCode;
    private SignInFlow flow;
    private LoopbackOnly loopbackOnly;
    private SignInAttempts attempts;
    private ClientAddress clientAddress;
    private String mode;

    protected LocalSignInResource() {
        // for the CDI proxy
    }

    @Inject
    public LocalSignInResource(AuthorizationRequests authorizations, LocalAccessCode accessCode, SignInFlow flow,
                               LoopbackOnly loopbackOnly, SignInAttempts attempts, ClientAddress clientAddress,
                               @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.authorizations = authorizations;
        this.accessCode = accessCode;
        this.flow = flow;
        this.loopbackOnly = loopbackOnly;
        this.attempts = attempts;
        this.clientAddress = clientAddress;
        this.mode = mode;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("request") String requestId, @FormParam("csrf") String csrf,
                           @FormParam("email") String email, @FormParam("access_code") String code,
                           @Context HttpHeaders headers, @Context HttpServletRequest http) {
        if (!IdentityMode.LOCAL.equals(mode)) {
            throw new UnsafeRedirect("local sign-in is switched off on this server; start again from your MCP client");
        }
        loopbackOnly.check(http);
        String browserSecret = FlowCookie.read(headers, requestId);
        AuthorizationRequest request = authorizations.boundForm(requestId, browserSecret, csrf);
        String address = clientAddress.of(http);
        Instant now = Instant.now();
        OptionalLong wait = attempts.waitBeforeTrying(address, now);
        if (wait.isPresent()) {
            // checked before the code, so that a right guess after the limit is not told apart from a wrong one
            long minutes = (wait.getAsLong() + 59) / 60;
            return Response.fromResponse(SignInPage.render(request, email, "Too many wrong access codes from your address. "
                    + "Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."), 429, null))
                    .header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
        }
        if (!accessCode.matches(code)) {
            attempts.failed(address, now);
            if (!authorizations.codeFailed(requestId, browserSecret)) {
                return Html.errorPage(401, "Sign-in ended", AuthorizationRequests.MAX_FAILED_CODES + " wrong access codes were "
                        + "entered on this sign-in page, so it no longer takes any. Start again from your MCP client.");
            }
            return SignInPage.render(request, email, "That access code is not right. It is printed in the server's log at start-up.", 401, null);
        }
        try {
            User.normalizeEmail(email);
        } catch (IllegalArgumentException badEmail) {
            return SignInPage.render(request, email, badEmail.getMessage() + ".", 400, null);
        }
        return FlowResponses.redirect(flow.signedIn(requestId, browserSecret, SignedInPerson.local(email)));
    }
}

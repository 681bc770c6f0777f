package io.mcprospero.identity.oidc;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.mcprospero.identity.FlowStep;
import io.mcprospero.identity.SignInFlow;
import io.mcprospero.identity.SignedInPerson;
import io.mcprospero.oauth.AuthorizationRequests;
import io.mcprospero.oauth.BrowserFlow;
import io.mcprospero.persistence.oauth.AuthorizationRequest;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * Sign-in through the upstream provider: sends the browser there with a fresh state, nonce and PKCE
 * verifier kept on the stored request, and on the way back checks that the same browser returns, redeems
 * the code, and hands the verified person to the {@link SignInFlow}. An unverified email is refused,
 * because the email is what MCProspero's allowlist and invitations go by.
 */
@ApplicationScoped
public class UpstreamSignIn {

    private UpstreamProvider provider;
    private AuthorizationRequests requests;
    private SignInFlow flow;
    private OidcSettings settings;

    protected UpstreamSignIn() {
        // for the CDI proxy
    }

    @Inject
    public UpstreamSignIn(UpstreamProvider provider, AuthorizationRequests requests, SignInFlow flow, OidcSettings settings) {
        this.provider = provider;
        this.requests = requests;
        this.flow = flow;
        this.settings = settings;
    }

    public URI start(BrowserFlow browserFlow) {
        String state = RandomTokens.next();
        String nonce = RandomTokens.next();
        String verifier = new CodeVerifier().getValue();
        URI upstream = provider.authorizationUrl(state, nonce, verifier);
        requests.sentUpstream(browserFlow.request().id(), state, nonce, verifier);
        return upstream;
    }

    /** The provider sent the browser back with a code (or an error, which the caller turned into a page). */
    public FlowStep finish(String state, String code, String browserSecret) {
        AuthorizationRequest request = requests.byUpstreamState(state);
        requests.bound(request.id(), browserSecret);
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw new UpstreamRefused("the sign-in provider sent no code back");
        }
        UpstreamIdentity identity = provider.redeem(code, request.upstreamVerifier(), request.upstreamNonce());
        if (identity.email() == null || identity.email().isBlank()) {
            throw new UpstreamRefused("the sign-in provider did not say which email address you use (claim '"
                    + settings.claims().email() + "'); ask its administrator to release it");
        }
        if (settings.requireVerifiedEmail() && !identity.emailVerified()) {
            throw new UpstreamRefused("your email address is not verified at the sign-in provider; verify it there and try again");
        }
        return flow.signedIn(request.id(), browserSecret, new SignedInPerson(identity.email(), identity.name(),
                new SignedInPerson.Upstream(identity.issuer(), identity.subject(), identity.emailVerified(), identity.orgId())));
    }
}

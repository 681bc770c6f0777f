package io.mcprospero.identity.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The upstream OpenID Connect provider (Zitadel in production) and how its claims map onto a MCProspero
 * person. Claim names are configuration only, so another provider needs no code.
 */
@ApplicationScoped
public class OidcSettings {

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String scopes;
    private String callbackUri;
    private ClaimNames claims;
    private boolean requireVerifiedEmail;
    private Duration httpTimeout;

    protected OidcSettings() {
        // for the CDI proxy
    }

    @Inject
    public OidcSettings(@ConfigProperty(name = "mcprospero.public-url") String publicUrl,
                        @ConfigProperty(name = "mcprospero.oidc.issuer") Optional<String> issuer,
                        @ConfigProperty(name = "mcprospero.oidc.client-id") Optional<String> clientId,
                        @ConfigProperty(name = "mcprospero.oidc.client-secret") Optional<String> clientSecret,
                        @ConfigProperty(name = "mcprospero.oidc.scopes") String scopes,
                        @ConfigProperty(name = "mcprospero.oidc.claims.email") String emailClaim,
                        @ConfigProperty(name = "mcprospero.oidc.claims.email-verified") String emailVerifiedClaim,
                        @ConfigProperty(name = "mcprospero.oidc.claims.name") String nameClaim,
                        @ConfigProperty(name = "mcprospero.oidc.claims.org-id") Optional<String> orgIdClaim,
                        @ConfigProperty(name = "mcprospero.oidc.claims.roles") Optional<String> rolesClaim,
                        @ConfigProperty(name = "mcprospero.oidc.require-verified-email") boolean requireVerifiedEmail,
                        @ConfigProperty(name = "mcprospero.oidc.http-timeout") Duration httpTimeout) {
        this.issuer = issuer.map(String::strip).orElse("");
        this.clientId = clientId.map(String::strip).orElse("");
        this.clientSecret = clientSecret.filter(secret -> !secret.isBlank()).orElse(null);
        this.scopes = scopes;
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.callbackUri = base + "/oauth/callback";
        this.claims = new ClaimNames(emailClaim, emailVerifiedClaim, nameClaim, orgIdClaim.orElse(null), rolesClaim.orElse(null));
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.httpTimeout = httpTimeout;
    }

    /** Fails start-up when OIDC mode lacks what it needs, rather than failing the first person to sign in. */
    public void requireComplete() {
        if (issuer.isEmpty() || clientId.isEmpty()) {
            throw new IllegalStateException("mcprospero.identity.mode=oidc needs mcprospero.oidc.issuer and mcprospero.oidc.client-id "
                    + "(and mcprospero.oidc.client-secret for a confidential client); register " + callbackUri
                    + " as the redirect URI at the provider");
        }
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** Absent for a public client (PKCE only). */
    public String clientSecret() {
        return clientSecret;
    }

    public String scopes() {
        return scopes;
    }

    /** Where the provider sends the browser back: register this at the provider. */
    public String callbackUri() {
        return callbackUri;
    }

    public ClaimNames claims() {
        return claims;
    }

    public boolean requireVerifiedEmail() {
        return requireVerifiedEmail;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }
}

package io.mcprospero.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * MCProspero as a relying party of the upstream OpenID Connect provider, with oauth2-oidc-sdk: discovery,
 * the authorization request (code + PKCE S256 + state + nonce), the code exchange, and ID token validation
 * (signature through the provider's JWKS, refetched when an unknown key id appears, so key rotation just
 * works; issuer, audience, expiry, nonce). Discovery is cached and re-probed by the readiness check.
 */
@ApplicationScoped
public class UpstreamProvider {

    private static final Logger LOG = Logger.getLogger(UpstreamProvider.class.getName());
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(15);
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    private OidcSettings settings;
    private Clock clock;
    private volatile Discovered discovered;
    private volatile Instant lastProbe = Instant.EPOCH;
    private volatile String lastProblem;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    protected UpstreamProvider() {
        // for the CDI proxy
    }

    @Inject
    public UpstreamProvider(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The provider's authorization URL for this sign-in; the browser is sent there. Refused while the
     * provider is known to be down, so that the person sees our page saying so instead of a browser error.
     */
    public URI authorizationUrl(String state, String nonce, String verifier) {
        String problem = probe();
        if (problem != null) {
            throw new UpstreamUnavailable(problem, null);
        }
        OIDCProviderMetadata metadata = discovered().metadata();
        return new AuthenticationRequest.Builder(new ResponseType("code"), Scope.parse(settings.scopes()),
                new ClientID(settings.clientId()), URI.create(settings.callbackUri()))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the code and validates the ID token; the person it names, with claims mapped. */
    public UpstreamIdentity redeem(String code, String verifier, String expectedNonce) {
        Discovered provider = discovered();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(settings.callbackUri()),
                new CodeVerifier(verifier));
        URI tokenEndpoint = provider.metadata().getTokenEndpointURI();
        TokenRequest request = settings.clientSecret() == null
                ? new TokenRequest(tokenEndpoint, new ClientID(settings.clientId()), grant)
                : new TokenRequest(tokenEndpoint, new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())), grant);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(send(request.toHTTPRequest()));
        } catch (ParseException e) {
            throw new UpstreamRefused("the sign-in provider's token response could not be read");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new UpstreamRefused("the sign-in provider refused the code (" + error.getCode() + ")");
        }
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new UpstreamRefused("the sign-in provider sent no ID token; is the 'openid' scope configured?");
        }
        IDTokenClaimsSet verified;
        try {
            verified = provider.validator().validate(idToken, new Nonce(expectedNonce));
        } catch (BadJOSEException | JOSEException e) {
            LOG.warning(() -> "upstream ID token refused: " + e.getMessage());
            throw new UpstreamRefused("the sign-in provider's ID token did not verify (signature, issuer, audience, expiry or nonce)");
        }
        Map<String, Object> claims = new HashMap<>(verified.toJSONObject());
        if (!claims.containsKey(settings.claims().email())) {
            claims.putAll(userInfo(provider.metadata(), tokens.getOIDCTokens().getBearerAccessToken(), verified.getSubject().getValue()));
        }
        return ClaimMapping.map(verified.getIssuer().getValue(), verified.getSubject().getValue(), claims, settings.claims());
    }

    /** Re-reads the discovery document (at most every few seconds); the readiness check's view of the provider. */
    public String probe() {
        Instant now = clock.instant();
        if (Duration.between(lastProbe, now).compareTo(PROBE_INTERVAL) >= 0) {
            lastProbe = now;
            try {
                discovered = discover();
                lastProblem = null;
            } catch (UpstreamUnavailable e) {
                lastProblem = e.getMessage();
            }
        }
        return lastProblem;
    }

    private Discovered discovered() {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = discover();
            }
            return discovered;
        }
    }

    private Discovered discover() {
        int timeout = (int) settings.httpTimeout().toMillis();
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), timeout, timeout);
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT));
            validator.setMaxClockSkew(60);
            return new Discovered(metadata, validator);
        } catch (IOException | GeneralException | IllegalArgumentException e) {
            throw new UpstreamUnavailable("the sign-in provider " + settings.issuer() + " cannot be reached or its discovery document is invalid", e);
        }
    }

    private Map<String, Object> userInfo(OIDCProviderMetadata metadata, BearerAccessToken accessToken, String subject) {
        if (metadata.getUserInfoEndpointURI() == null || accessToken == null) {
            return Map.of();
        }
        try {
            UserInfoResponse answer = UserInfoResponse.parse(send(new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest()));
            if (!answer.indicatesSuccess()) {
                throw new UpstreamRefused("the sign-in provider's userinfo endpoint refused the access token");
            }
            Map<String, Object> claims = answer.toSuccessResponse().getUserInfo().toJSONObject();
            if (!subject.equals(claims.get("sub"))) {
                throw new UpstreamRefused("the sign-in provider's userinfo is about someone else than the ID token");
            }
            return claims;
        } catch (ParseException e) {
            throw new UpstreamRefused("the sign-in provider's userinfo answer could not be read");
        }
    }

    private HTTPResponse send(HTTPRequest request) {
        int timeout = (int) settings.httpTimeout().toMillis();
        request.setConnectTimeout(timeout);
        request.setReadTimeout(timeout);
        try {
            return request.send();
        } catch (IOException e) {
            throw new UpstreamUnavailable("the sign-in provider " + settings.issuer() + " did not answer", e);
        }
    }
}

package io.mcprospero.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues the short-lived access tokens that MCP clients present on /mcp: JWTs signed with the server's
 * own key, audience = the MCP resource, verified by MicroProfile JWT. They carry the user id and the grant they were
 * issued under ({@link #GRANT_CLAIM}); the grant, the user's status and memberships are read from the database on each
 * request, so revocation is immediate.
 */
@ApplicationScoped
public class AccessTokens {

    /** The role every signed-in user has in the web container; finer authorization is the authz package's. */
    public static final String USER_GROUP = "user";
    /** The grant (sign-in) a token was issued under: the refresh-token family's id. */
    public static final String GRANT_CLAIM = "gid";

    private SigningKeys keys;
    private OAuthSettings settings;
    private Clock clock;

    protected AccessTokens() {
        // for the CDI proxy
    }

    @Inject
    public AccessTokens(SigningKeys keys, OAuthSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken issue(String userId, String clientId, String grantId, String audience, String scope) {
        Instant now = clock.instant();
        Instant expiry = now.plus(settings.accessTokenTtl());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(userId)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", userId)
                .claim("groups", List.of(USER_GROUP))
                .claim("client_id", clientId)
                .claim(GRANT_CLAIM, grantId);
        if (scope != null && !scope.isBlank()) {
            claims.claim("scope", scope);
        }
        RSAKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new IssuedToken(jwt.serialize(), settings.accessTokenTtl().toSeconds());
    }

    /** A signed access token and its lifetime in seconds. */
    public record IssuedToken(String value, long expiresInSeconds) {
    }
}

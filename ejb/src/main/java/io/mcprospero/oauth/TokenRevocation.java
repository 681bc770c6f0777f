package io.mcprospero.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mcprospero.grants.Grants;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.persistence.oauth.RefreshToken;
import io.mcprospero.support.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Token revocation (RFC 7009). Revoking either token of a sign-in ends the whole sign-in: its grant, whose access
 * tokens every MCP request checks (so they stop at once, on every instance), and its refresh-token family. An unknown,
 * foreign or expired token gets the same 200 as a revoked one, so the endpoint tells an attacker nothing.
 */
@ApplicationScoped
public class TokenRevocation {

    private EntityManager entityManager;
    private ClientAuthentication clients;
    private AccessTokenStore accessTokens;
    private Grants grants;
    private Clock clock;

    protected TokenRevocation() {
        // for the CDI proxy
    }

    @Inject
    public TokenRevocation(EntityManager entityManager, ClientAuthentication clients, AccessTokenStore accessTokens,
                           Grants grants, Clock clock) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.grants = grants;
        this.clock = clock;
    }

    @Transactional
    public void revoke(String token, ClientCredentials credentials) {
        OAuthClient client = clients.authenticate(credentials);
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required");
        }
        if (looksLikeJwt(token)) {
            accessTokens.verifiedClaims(token)
                    .filter(claims -> client.clientId().equals(claimOf(claims, "client_id")))
                    .map(claims -> claimOf(claims, AccessTokens.GRANT_CLAIM))
                    .ifPresent(this::endGrant);
            return;
        }
        RefreshToken refresh = token.length() > 512 ? null : entityManager.find(RefreshToken.class, Hashes.sha256Hex(token));
        if (refresh != null && refresh.clientId().equals(client.clientId())) {
            endGrant(refresh.familyId());
        }
    }

    private void endGrant(String grantId) {
        grants.revoke(grantId);
        revokeFamily(entityManager, grantId, clock.instant());
    }

    private static String claimOf(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    static void revokeFamily(EntityManager entityManager, String familyId, Instant now) {
        if (familyId != null) {
            entityManager.createNamedQuery(RefreshToken.REVOKE_FAMILY)
                    .setParameter("familyId", familyId)
                    .setParameter("now", now)
                    .executeUpdate();
        }
    }

    private static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2 && token.startsWith("eyJ");
    }
}

package io.mcprospero.oauth;

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
 * Token revocation (RFC 7009). Revoking a refresh token revokes its whole family, i.e. the sign-in it
 * came from. Access tokens are short-lived signed JWTs and are not revoked one by one (the answer says
 * so, as RFC 7009 §2.2.1 allows); disabling a user or revoking the refresh token ends access within the
 * access token's lifetime. An unknown or foreign token gets the same 200 as a revoked one, so the
 * endpoint tells an attacker nothing.
 */
@ApplicationScoped
public class TokenRevocation {

    private EntityManager entityManager;
    private ClientAuthentication clients;
    private Clock clock;

    protected TokenRevocation() {
        // for the CDI proxy
    }

    @Inject
    public TokenRevocation(EntityManager entityManager, ClientAuthentication clients, Clock clock) {
        this.entityManager = entityManager;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional
    public void revoke(String token, String typeHint, ClientCredentials credentials) {
        OAuthClient client = clients.authenticate(credentials);
        if (token == null || token.isBlank()) {
            throw OAuthError.invalidRequest("token is required");
        }
        if ("access_token".equals(typeHint) || looksLikeJwt(token)) {
            throw new OAuthError("unsupported_token_type",
                    "access tokens expire on their own within the hour; revoke the refresh token to end the sign-in", 400);
        }
        RefreshToken refresh = token.length() > 512 ? null : entityManager.find(RefreshToken.class, Hashes.sha256Hex(token));
        if (refresh != null && refresh.clientId().equals(client.clientId())) {
            revokeFamily(entityManager, refresh.familyId(), clock.instant());
        }
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

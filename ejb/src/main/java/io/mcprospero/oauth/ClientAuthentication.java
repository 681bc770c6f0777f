package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.support.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** Authenticates a client at the token and revocation endpoints: public clients by id, confidential ones by secret. */
@ApplicationScoped
public class ClientAuthentication {

    private EntityManager entityManager;
    private Clock clock;

    protected ClientAuthentication() {
        // for the CDI proxy
    }

    @Inject
    public ClientAuthentication(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The registered, unexpired client these credentials prove; otherwise invalid_client. */
    public OAuthClient authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.clientId().isBlank() || credentials.clientId().length() > 2048) {
            throw OAuthError.invalidClient("client_id is required");
        }
        OAuthClient client = entityManager.find(OAuthClient.class, credentials.clientId());
        if (client == null || client.isExpired(clock.instant())) {
            throw OAuthError.invalidClient("unknown client_id; register the client again");
        }
        if (client.isConfidential()) {
            boolean ok = credentials.clientSecret() != null
                    && Hashes.constantTimeEquals(client.clientSecretHash(), Hashes.sha256Hex(credentials.clientSecret()));
            if (!ok) {
                throw OAuthError.invalidClient("client authentication failed");
            }
        }
        return client;
    }
}

package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.support.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Authenticates a client at the token and revocation endpoints: public clients by id, confidential ones by secret. */
@ApplicationScoped
public class ClientAuthentication {

    private OAuthClients clients;
    private Clock clock;

    protected ClientAuthentication() {
        // for the CDI proxy
    }

    @Inject
    public ClientAuthentication(OAuthClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** The registered, unexpired client (or valid metadata document client) these credentials prove; otherwise invalid_client. */
    public OAuthClient authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.clientId().isBlank() || credentials.clientId().length() > 2048) {
            throw OAuthError.invalidClient("client_id is required");
        }
        OAuthClient client;
        try {
            client = clients.find(credentials.clientId(), clock.instant())
                    .orElseThrow(() -> OAuthError.invalidClient("unknown client_id; register the client again"));
        } catch (MetadataDocumentRefused refused) {
            throw OAuthError.invalidClient("the client's metadata document cannot be used: " + refused.getMessage());
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

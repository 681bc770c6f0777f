package io.mcprospero.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.persistence.oauth.ClientKind;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Dynamic client registration (RFC 7591). Public clients (token_endpoint_auth_method "none", what MCP
 * clients use) get a client id only; confidential ones also a secret, stored by hash. Registration is
 * open to anyone, so it is bounded twice: a rate per client address, and a registration that is never
 * used expires and is deleted by the next registration (growth happens only here, so cleaning here keeps
 * the table bounded without a timer; the delete is a plain conditional DELETE, safe on several instances).
 */
@ApplicationScoped
public class ClientRegistrations {

    /** A cached metadata document this long past its cache expiry is deleted; a later use fetches it again. */
    private static final Duration STALE_DOCUMENTS = Duration.ofDays(1);

    private EntityManager entityManager;
    private RegistrationRateLimit rateLimit;
    private OAuthSettings settings;
    private Clock clock;

    protected ClientRegistrations() {
        // for the CDI proxy
    }

    @Inject
    public ClientRegistrations(EntityManager entityManager, RegistrationRateLimit rateLimit, OAuthSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.rateLimit = rateLimit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers a client from the request body; returns the registration response (with the secret, shown only this once). */
    @Transactional
    public JsonObject register(String body, String remoteAddress) {
        Instant now = clock.instant();
        rateLimit.admit(remoteAddress, now);
        ClientMetadata metadata = ClientMetadata.of(ClientMetadata.parseObject(body));

        entityManager.createNamedQuery(OAuthClient.DELETE_EXPIRED)
                .setParameter("now", now)
                .setParameter("staleBefore", now.minus(STALE_DOCUMENTS))
                .executeUpdate();
        String clientId = RandomTokens.next();
        String secret = metadata.isPublic() ? null : RandomTokens.next();
        OAuthClient client = new OAuthClient(clientId, ClientKind.REGISTERED, metadata.clientName(), metadata.redirectUris(),
                metadata.authMethod(), secret == null ? null : Hashes.sha256Hex(secret), metadata.json().toString(),
                truncate(remoteAddress), now, now.plus(settings.registrationTtl()));
        entityManager.persist(client);

        JsonObjectBuilder response = Jsons.object()
                .add("client_id", clientId)
                .add("client_id_issued_at", now.getEpochSecond())
                .add("redirect_uris", array(metadata.redirectUris()))
                .add("grant_types", array(metadata.grantTypes()))
                .add("response_types", array(metadata.responseTypes()))
                .add("token_endpoint_auth_method", metadata.authMethod());
        if (metadata.clientName() != null) {
            response.add("client_name", metadata.clientName());
        }
        if (secret != null) {
            response.add("client_secret", secret).add("client_secret_expires_at", 0);
        }
        return response.build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder builder = Jsons.array();
        values.forEach(builder::add);
        return builder;
    }

    private static String truncate(String address) {
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }
}

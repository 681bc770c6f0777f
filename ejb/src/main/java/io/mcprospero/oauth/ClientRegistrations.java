package io.mcprospero.oauth;

import io.mcprospero.support.Jsons;
import io.mcprospero.persistence.oauth.ClientKind;
import io.mcprospero.persistence.oauth.OAuthClient;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Dynamic client registration (RFC 7591). Public clients (token_endpoint_auth_method "none", what MCP
 * clients use) get a client id only; confidential ones also a secret, stored by hash. A registration that
 * is never used expires, so anonymous registrations cannot pile up.
 */
@ApplicationScoped
public class ClientRegistrations {

    static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_post", "client_secret_basic");
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    private static final int MAX_REDIRECT_URIS = 10;
    private static final int MAX_NAME = 200;

    private EntityManager entityManager;
    private OAuthSettings settings;
    private Clock clock;

    protected ClientRegistrations() {
        // for the CDI proxy
    }

    @Inject
    public ClientRegistrations(EntityManager entityManager, OAuthSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers a client; returns the registration response body (with the secret, shown only this once). */
    @Transactional
    public JsonObject register(JsonObject metadata, String remoteAddress) {
        List<String> redirectUris = redirectUris(metadata);
        String authMethod = optionalString(metadata, "token_endpoint_auth_method", "none");
        if (!AUTH_METHODS.contains(authMethod)) {
            throw OAuthError.invalidClientMetadata("token_endpoint_auth_method must be one of " + AUTH_METHODS + "; got '" + authMethod + "'");
        }
        List<String> grantTypes = stringList(metadata, "grant_types", List.of("authorization_code"));
        if (!GRANT_TYPES.containsAll(grantTypes)) {
            throw OAuthError.invalidClientMetadata("grant_types may contain only " + GRANT_TYPES + "; got " + grantTypes);
        }
        List<String> responseTypes = stringList(metadata, "response_types", List.of("code"));
        if (!List.of("code").containsAll(responseTypes)) {
            throw OAuthError.invalidClientMetadata("response_types may contain only \"code\"; got " + responseTypes);
        }
        String name = optionalString(metadata, "client_name", null);
        if (name != null && name.length() > MAX_NAME) {
            throw OAuthError.invalidClientMetadata("client_name must be at most " + MAX_NAME + " characters");
        }

        Instant now = clock.instant();
        String clientId = RandomTokens.next();
        String secret = "none".equals(authMethod) ? null : RandomTokens.next();
        OAuthClient client = new OAuthClient(clientId, ClientKind.REGISTERED, name, redirectUris, authMethod,
                secret == null ? null : Hashes.sha256Hex(secret), metadata.toString(), truncate(remoteAddress),
                now, now.plus(settings.registrationTtl()));
        entityManager.persist(client);

        JsonObjectBuilder response = Jsons.object()
                .add("client_id", clientId)
                .add("client_id_issued_at", now.getEpochSecond())
                .add("redirect_uris", array(redirectUris))
                .add("grant_types", array(grantTypes))
                .add("response_types", array(responseTypes))
                .add("token_endpoint_auth_method", authMethod);
        if (name != null) {
            response.add("client_name", name);
        }
        if (secret != null) {
            response.add("client_secret", secret).add("client_secret_expires_at", 0);
        }
        return response.build();
    }

    private static List<String> redirectUris(JsonObject metadata) {
        JsonValue value = metadata.get("redirect_uris");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw OAuthError.invalidRedirectUri("redirect_uris is required: a non-empty array of URIs");
        }
        if (array.size() > MAX_REDIRECT_URIS) {
            throw OAuthError.invalidRedirectUri("at most " + MAX_REDIRECT_URIS + " redirect_uris are accepted");
        }
        List<String> uris = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString uri)) {
                throw OAuthError.invalidRedirectUri("redirect_uris must contain strings only");
            }
            String problem = RedirectUris.problemWith(uri.getString());
            if (problem != null) {
                throw OAuthError.invalidRedirectUri(problem);
            }
            uris.add(uri.getString());
        }
        return uris;
    }

    private static String optionalString(JsonObject metadata, String field, String fallback) {
        JsonValue value = metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw OAuthError.invalidClientMetadata(field + " must be a string");
        }
        return string.getString();
    }

    private static List<String> stringList(JsonObject metadata, String field, List<String> fallback) {
        JsonValue value = metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonArray array) || array.stream().anyMatch(item -> !(item instanceof JsonString))) {
            throw OAuthError.invalidClientMetadata(field + " must be an array of strings");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
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

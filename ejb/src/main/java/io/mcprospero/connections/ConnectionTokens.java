package io.mcprospero.connections;

import io.mcprospero.integrations.oauth.ProviderTokens;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.secrets.SecretsBackend;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A connection's tokens, kept as a secret of the org (kind OAUTH_TOKEN): envelope-encrypted with the org in the
 * encryption context, so a row copied into another org does not decrypt there.
 */
@ApplicationScoped
public class ConnectionTokens {

    private SecretsBackend secrets;

    protected ConnectionTokens() {
        // for the CDI proxy
    }

    @Inject
    public ConnectionTokens(SecretsBackend secrets) {
        this.secrets = secrets;
    }

    public void store(String orgId, Provider provider, ProviderTokens tokens) {
        JsonObjectBuilder json = Jsons.object().add("access_token", tokens.accessToken());
        if (tokens.refreshToken() != null) {
            json.add("refresh_token", tokens.refreshToken());
        }
        if (tokens.expiresAt() != null) {
            json.add("expires_at", tokens.expiresAt().toString());
        }
        if (tokens.account() != null) {
            json.add("account", tokens.account());
        }
        if (tokens.scopes() != null) {
            json.add("scopes", tokens.scopes());
        }
        byte[] value = json.build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            secrets.put(orgId, provider.secretName(), SecretKind.OAUTH_TOKEN, value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    public Optional<ProviderTokens> stored(String orgId, Provider provider) {
        return secrets.get(orgId, provider.secretName()).map(bytes -> {
            try {
                JsonObject json = Jsons.reader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
                return new ProviderTokens(json.getString("access_token"), json.getString("refresh_token", null),
                        json.containsKey("expires_at") ? Instant.parse(json.getString("expires_at")) : null, json.getString("account", null),
                        json.getString("scopes", null));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        });
    }

    public boolean delete(String orgId, Provider provider) {
        return secrets.delete(orgId, provider.secretName());
    }
}

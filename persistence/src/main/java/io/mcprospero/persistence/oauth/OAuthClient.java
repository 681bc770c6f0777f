package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An OAuth client (Claude, an MCP inspector, a test client). A dynamically registered client that is
 * never used expires, so that anonymous registrations cannot pile up.
 */
@Entity
@Table(name = "oauth_clients")
public class OAuthClient {

    @Id
    @Column(name = "client_id", length = 2048)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private ClientKind kind;

    @Column(name = "client_name", length = 200)
    private String clientName;

    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris;

    @Column(name = "token_endpoint_auth_method", nullable = false, length = 32)
    private String tokenEndpointAuthMethod;

    @Column(name = "client_secret_hash", length = 64)
    private String clientSecretHash;

    @Column(name = "metadata_json", nullable = false)
    private String metadataJson;

    @Column(name = "registered_from", length = 64)
    private String registeredFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Version
    private long version;

    protected OAuthClient() {
    }

    public OAuthClient(String clientId, ClientKind kind, String clientName, List<String> redirectUris,
                       String tokenEndpointAuthMethod, String clientSecretHash, String metadataJson,
                       String registeredFrom, Instant now, Instant expiresAt) {
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.kind = Require.present(kind, "kind");
        this.clientName = clientName;
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one redirect URI");
        }
        this.redirectUris = String.join("\n", redirectUris);
        this.tokenEndpointAuthMethod = Require.text(tokenEndpointAuthMethod, "token_endpoint_auth_method", 32);
        this.clientSecretHash = clientSecretHash;
        this.metadataJson = Require.present(metadataJson, "metadata");
        this.registeredFrom = registeredFrom;
        this.createdAt = Require.present(now, "creation time");
        this.expiresAt = expiresAt;
    }

    /** A client in use no longer expires for being unused; a metadata document client keeps its cache expiry. */
    public void recordUse(Instant now) {
        lastUsedAt = now;
        if (kind == ClientKind.REGISTERED) {
            expiresAt = null;
        }
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Replaces a cached metadata document with a fresh copy. */
    public void refreshFromDocument(String clientName, List<String> redirectUris, String metadataJson, Instant now, Instant expiresAt) {
        if (kind != ClientKind.METADATA_DOCUMENT) {
            throw new IllegalStateException("only a metadata document client is refreshed from its document");
        }
        this.clientName = clientName;
        this.redirectUris = String.join("\n", redirectUris);
        this.metadataJson = metadataJson;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isConfidential() {
        return clientSecretHash != null;
    }

    public String clientId() {
        return clientId;
    }

    public ClientKind kind() {
        return kind;
    }

    public String clientName() {
        return clientName;
    }

    public List<String> redirectUris() {
        return Arrays.asList(redirectUris.split("\n"));
    }

    public String tokenEndpointAuthMethod() {
        return tokenEndpointAuthMethod;
    }

    public String clientSecretHash() {
        return clientSecretHash;
    }

    public String metadataJson() {
        return metadataJson;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

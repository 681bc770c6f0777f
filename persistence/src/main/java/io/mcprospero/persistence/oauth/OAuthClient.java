package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
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
@NamedQuery(name = OAuthClient.DELETE_EXPIRED, query = "DELETE FROM OAuthClient c WHERE "
        + "(c.kind = io.mcprospero.persistence.oauth.ClientKind.REGISTERED AND c.expiresAt <= :now) "
        + "OR (c.kind = io.mcprospero.persistence.oauth.ClientKind.METADATA_DOCUMENT AND c.expiresAt <= :staleBefore)")
@NamedQuery(name = OAuthClient.RECORD_USE, query = "UPDATE OAuthClient c SET c.lastUsedAt = :now "
        + "WHERE c.clientId = :clientId AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :staleBefore)")
@NamedQuery(name = OAuthClient.KEEP_REGISTRATION, query = "UPDATE OAuthClient c SET c.expiresAt = :notBefore "
        + "WHERE c.clientId = :clientId AND c.kind = io.mcprospero.persistence.oauth.ClientKind.REGISTERED AND c.expiresAt < :notBefore")
@NamedQuery(name = OAuthClient.MAKE_PERMANENT, query = "UPDATE OAuthClient c SET c.expiresAt = NULL "
        + "WHERE c.clientId = :clientId AND c.kind = io.mcprospero.persistence.oauth.ClientKind.REGISTERED AND c.expiresAt IS NOT NULL")
@NamedQuery(name = OAuthClient.REFRESH_DOCUMENT, query = "UPDATE OAuthClient c SET c.clientName = :clientName, "
        + "c.redirectUris = :redirectUris, c.metadataJson = :metadataJson, c.lastUsedAt = :now, c.expiresAt = :expiresAt "
        + "WHERE c.clientId = :clientId AND c.kind = io.mcprospero.persistence.oauth.ClientKind.METADATA_DOCUMENT")
public class OAuthClient {

    /**
     * Deletes registrations never used before they expired, and cached metadata documents long past their
     * cache expiry (they are fetched again when next presented). Nothing references a client row by key.
     */
    public static final String DELETE_EXPIRED = "OAuthClient.deleteExpired";
    /*
     * Every Claude user signs in and refreshes tokens through the same client row (Claude's metadata document), so
     * what a request records about its client is a single conditional UPDATE, never a change to the managed entity:
     * with the entity's @Version, two such requests at once would fail the later commit. The row lock each UPDATE
     * takes is held only to the end of its short transaction, and the conditions make most of them match nothing.
     */
    /** lastUsedAt, at most once a minute ({@code staleBefore}); params clientId, now, staleBefore. */
    public static final String RECORD_USE = "OAuthClient.recordUse";
    /** A registration being signed in with stays alive at least until {@code notBefore}; params clientId, notBefore. */
    public static final String KEEP_REGISTRATION = "OAuthClient.keepRegistration";
    /** A registration whose code was redeemed no longer expires; param clientId. */
    public static final String MAKE_PERMANENT = "OAuthClient.makePermanent";
    /** A fresh copy of a metadata document; params clientId, clientName, redirectUris (newline-joined), metadataJson, now, expiresAt. */
    public static final String REFRESH_DOCUMENT = "OAuthClient.refreshDocument";

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

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isMetadataDocument() {
        return kind == ClientKind.METADATA_DOCUMENT;
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

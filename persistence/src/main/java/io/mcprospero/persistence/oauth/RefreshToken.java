package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A refresh token, stored by hash. Every use rotates it: the old one is marked used and a new one of the same
 * family is issued. Presenting a used token again means it leaked, and the whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY,
        query = "update RefreshToken t set t.revokedAt = :now where t.familyId = :familyId and t.revokedAt is null")
@NamedQuery(name = RefreshToken.REVOKE_USER,
        query = "update RefreshToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null")
public class RefreshToken {

    public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    public static final String REVOKE_USER = "RefreshToken.revokeUser";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "client_id", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(nullable = false, length = 2048)
    private String resource;

    @Column(length = 1024)
    private String scope;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String familyId, String clientId, String userId, String resource, String scope,
                        Instant now, Instant expiresAt) {
        this.tokenHash = Require.text(tokenHash, "token hash", 64);
        this.familyId = Require.text(familyId, "family id", 36);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.userId = Require.text(userId, "user id", 36);
        this.resource = Require.text(resource, "resource", 2048);
        this.scope = scope;
        this.issuedAt = Require.present(now, "issue time");
        this.expiresAt = Require.present(expiresAt, "expiry");
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean wasAlreadyUsed() {
        return usedAt != null;
    }

    public void markUsed(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("refresh token was already used");
        }
        usedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String familyId() {
        return familyId;
    }

    public String clientId() {
        return clientId;
    }

    public String userId() {
        return userId;
    }

    public String resource() {
        return resource;
    }

    public String scope() {
        return scope;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

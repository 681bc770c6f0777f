package io.mcprospero.persistence.identity;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A browser signed in to MCProspero's own pages (the approval page), for a short while. Kept in the database by the
 * hash of the cookie's secret, so that any instance can read it and it can be revoked.
 */
@Entity
@Table(name = "browser_sessions")
@NamedQuery(name = BrowserSession.DELETE_EXPIRED, query = "delete from BrowserSession s where s.expiresAt < :before")
public class BrowserSession {

    public static final String DELETE_EXPIRED = "BrowserSession.deleteExpired";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected BrowserSession() {
    }

    public BrowserSession(String tokenHash, String userId, String csrfToken, Instant now, Instant expiresAt) {
        this.tokenHash = Require.text(tokenHash, "session hash", 64);
        this.userId = Require.text(userId, "user id", 36);
        this.csrfToken = Require.text(csrfToken, "CSRF token", 64);
        this.createdAt = Require.present(now, "creation time");
        this.expiresAt = Require.present(expiresAt, "expiry");
    }

    public boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String userId() {
        return userId;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

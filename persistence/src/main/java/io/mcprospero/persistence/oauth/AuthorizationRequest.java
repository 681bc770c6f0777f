package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A validated /authorize request waiting for the person to sign in. Kept in the database, not in an HTTP
 * session, so that the sign-in can complete on any instance behind the load balancer.
 */
@Entity
@Table(name = "authorization_requests")
public class AuthorizationRequest {

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "client_id", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    private String redirectUri;

    @Column(length = 2048)
    private String state;

    @Column(name = "code_challenge", nullable = false, length = 128)
    private String codeChallenge;

    @Column(nullable = false, length = 2048)
    private String resource;

    @Column(length = 1024)
    private String scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected AuthorizationRequest() {
    }

    public AuthorizationRequest(String id, String clientId, String redirectUri, String state, String codeChallenge,
                                String resource, String scope, Instant now, Instant expiresAt) {
        this.id = Require.text(id, "request id", 64);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.redirectUri = Require.text(redirectUri, "redirect_uri", 2048);
        this.state = state;
        this.codeChallenge = Require.text(codeChallenge, "code_challenge", 128);
        this.resource = Require.text(resource, "resource", 2048);
        this.scope = scope;
        this.createdAt = Require.present(now, "creation time");
        this.expiresAt = Require.present(expiresAt, "expiry");
    }

    public boolean isOpen(Instant now) {
        return completedAt == null && now.isBefore(expiresAt);
    }

    /** Marks the request done; a second completion (a replayed sign-in form) is refused. */
    public void complete(Instant now) {
        if (!isOpen(now)) {
            throw new IllegalStateException("authorization request is no longer open");
        }
        completedAt = now;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }

    public String codeChallenge() {
        return codeChallenge;
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

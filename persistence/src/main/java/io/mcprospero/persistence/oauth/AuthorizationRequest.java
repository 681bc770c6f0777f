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
 * A validated /authorize request waiting for the person to sign in. Kept in the database, not in an HTTP
 * session, so that the sign-in can complete on any instance behind the load balancer. A sign-in for one of
 * MCProspero's own pages (the approval page) is one too: it has a path to return to instead of a client.
 */
@Entity
@Table(name = "authorization_requests")
@NamedQuery(name = AuthorizationRequest.BY_UPSTREAM_STATE,
        query = "select r from AuthorizationRequest r where r.upstreamState = :state")
@NamedQuery(name = AuthorizationRequest.DELETE_EXPIRED,
        query = "delete from AuthorizationRequest r where r.expiresAt < :before")
public class AuthorizationRequest {

    public static final String BY_UPSTREAM_STATE = "AuthorizationRequest.byUpstreamState";
    public static final String DELETE_EXPIRED = "AuthorizationRequest.deleteExpired";

    @Id
    @Column(length = 64)
    private String id;

    @Column(name = "client_id", length = 2048)
    private String clientId;

    @Column(name = "redirect_uri", length = 2048)
    private String redirectUri;

    @Column(length = 2048)
    private String state;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(length = 2048)
    private String resource;

    @Column(length = 1024)
    private String scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "browser_hash", length = 64)
    private String browserHash;

    @Column(name = "csrf_token", length = 64)
    private String csrfToken;

    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(name = "authenticated_at")
    private Instant authenticatedAt;

    @Column(name = "upstream_state", length = 64)
    private String upstreamState;

    @Column(name = "upstream_nonce", length = 64)
    private String upstreamNonce;

    @Column(name = "upstream_verifier", length = 128)
    private String upstreamVerifier;

    @Column(name = "failed_codes", nullable = false)
    private int failedCodes;

    @Column(name = "invitations_offered", nullable = false)
    private boolean invitationsOffered;

    @Column(name = "return_to", length = 512)
    private String returnTo;

    @Version
    private long version;

    protected AuthorizationRequest() {
    }

    public AuthorizationRequest(String id, String clientId, String redirectUri, String state, String codeChallenge,
                                String resource, String scope, Instant now, Instant expiresAt,
                                String browserHash, String csrfToken) {
        this.id = Require.text(id, "request id", 64);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.redirectUri = Require.text(redirectUri, "redirect_uri", 2048);
        this.state = state;
        this.codeChallenge = Require.text(codeChallenge, "code_challenge", 128);
        this.resource = Require.text(resource, "resource", 2048);
        this.scope = scope;
        this.createdAt = Require.present(now, "creation time");
        this.expiresAt = Require.present(expiresAt, "expiry");
        this.browserHash = Require.text(browserHash, "browser binding", 64);
        this.csrfToken = Require.text(csrfToken, "CSRF token", 64);
    }

    /**
     * A sign-in for one of MCProspero's own pages: no client, no code; once signed in, the browser goes back to
     * {@code returnTo}, a path on this server.
     */
    public static AuthorizationRequest returningTo(String id, String returnTo, Instant now, Instant expiresAt,
                                                   String browserHash, String csrfToken) {
        AuthorizationRequest request = new AuthorizationRequest();
        request.id = Require.text(id, "request id", 64);
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//")) {
            throw new IllegalArgumentException("a sign-in returns to a path on this server only");
        }
        request.returnTo = Require.text(returnTo, "return path", 512);
        request.createdAt = Require.present(now, "creation time");
        request.expiresAt = Require.present(expiresAt, "expiry");
        request.browserHash = Require.text(browserHash, "browser binding", 64);
        request.csrfToken = Require.text(csrfToken, "CSRF token", 64);
        return request;
    }

    /** The path on this server a sign-in for MCProspero's own page returns to; null for an OAuth client's request. */
    public String returnTo() {
        return returnTo;
    }

    /** The upstream leg (OIDC mode): its state, nonce and PKCE verifier, kept until the callback. */
    public void sentUpstream(String state, String nonce, String verifier) {
        this.upstreamState = Require.text(state, "upstream state", 64);
        this.upstreamNonce = Require.text(nonce, "upstream nonce", 64);
        this.upstreamVerifier = Require.text(verifier, "upstream verifier", 128);
    }

    /** The person proved who they are; the flow goes on to welcome, consent and the code. */
    public void authenticated(String user, Instant now) {
        if (!isOpen(now)) {
            throw new IllegalStateException("authorization request is no longer open");
        }
        this.userId = Require.text(user, "user id", 36);
        this.authenticatedAt = now;
        // the upstream leg is single use: its state must not be redeemable again
        this.upstreamVerifier = null;
    }

    /**
     * A wrong access code was entered for this request; returns how many so far. The caller ends the request once they
     * reach its limit, so that one sign-in page cannot be used to guess, whatever address the guesses come from.
     */
    public int codeFailed() {
        return ++failedCodes;
    }

    /** The person's pending invitations were shown in this sign-in; they are not shown twice in one. */
    public void invitationsOffered() {
        this.invitationsOffered = true;
    }

    public boolean hasOfferedInvitations() {
        return invitationsOffered;
    }

    public boolean isAuthenticated() {
        return userId != null;
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

    public String browserHash() {
        return browserHash;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String userId() {
        return userId;
    }

    public String upstreamNonce() {
        return upstreamNonce;
    }

    public String upstreamVerifier() {
        return upstreamVerifier;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}

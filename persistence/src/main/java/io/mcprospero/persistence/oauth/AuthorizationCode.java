package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A one-time authorization code, stored by hash. It is bound to the client, the redirect URI, the PKCE
 * challenge and the resource; it can be redeemed once, and a replay revokes what the first redemption issued.
 */
@Entity
@Table(name = "authorization_codes")
public class AuthorizationCode {

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "client_id", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    private String redirectUri;

    @Column(name = "code_challenge", nullable = false, length = 128)
    private String codeChallenge;

    @Column(nullable = false, length = 2048)
    private String resource;

    @Column(length = 1024)
    private String scope;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "token_family_id", length = 36)
    private String tokenFamilyId;

    @Version
    private long version;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, String clientId, String userId, String redirectUri, String codeChallenge,
                             String resource, String scope, Instant now, Instant expiresAt) {
        this.codeHash = Require.text(codeHash, "code hash", 64);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.userId = Require.text(userId, "user id", 36);
        this.redirectUri = Require.text(redirectUri, "redirect_uri", 2048);
        this.codeChallenge = Require.text(codeChallenge, "code_challenge", 128);
        this.resource = Require.text(resource, "resource", 2048);
        this.scope = scope;
        this.issuedAt = Require.present(now, "issue time");
        this.expiresAt = Require.present(expiresAt, "expiry");
    }

    public boolean isRedeemed() {
        return redeemedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Records the one redemption and the refresh-token family it started. */
    public void redeem(String familyId, Instant now) {
        if (isRedeemed()) {
            throw new IllegalStateException("authorization code was already redeemed");
        }
        redeemedAt = now;
        tokenFamilyId = Require.present(familyId, "token family");
    }

    public String clientId() {
        return clientId;
    }

    public String userId() {
        return userId;
    }

    public String redirectUri() {
        return redirectUri;
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

    public String tokenFamilyId() {
        return tokenFamilyId;
    }
}

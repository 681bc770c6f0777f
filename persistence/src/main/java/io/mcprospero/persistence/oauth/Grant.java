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
 * One sign-in of a person through one client: the refresh-token family descends from it (same id) and every access
 * token of the family names it. It remembers the org the person's conversations through that client work in, since
 * an MCP 2026-07-28 client has no session to hold it; a revoked grant refuses its access tokens at once.
 */
@Entity
@Table(name = "oauth_grants")
@NamedQuery(name = Grant.REVOKE,
        query = "update Grant g set g.revokedAt = :now where g.id = :id and g.revokedAt is null")
@NamedQuery(name = Grant.REVOKE_USER,
        query = "update Grant g set g.revokedAt = :now where g.userId = :userId and g.revokedAt is null")
@NamedQuery(name = Grant.SWITCH_ORG,
        query = "update Grant g set g.currentOrgId = :orgId, g.version = g.version + 1 where g.id = :id and g.revokedAt is null")
public class Grant {

    public static final String REVOKE = "Grant.revoke";
    public static final String REVOKE_USER = "Grant.revokeUser";
    public static final String SWITCH_ORG = "Grant.switchOrg";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "client_id", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "current_org_id", nullable = false, length = 36)
    private String currentOrgId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected Grant() {
    }

    public Grant(String id, String userId, String clientId, String currentOrgId, Instant now) {
        this.id = Require.text(id, "grant id", 36);
        this.userId = Require.text(userId, "user id", 36);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.currentOrgId = Require.text(currentOrgId, "current org", 36);
        this.createdAt = Require.present(now, "creation time");
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String clientId() {
        return clientId;
    }

    public String currentOrgId() {
        return currentOrgId;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}

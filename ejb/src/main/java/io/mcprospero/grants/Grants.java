package io.mcprospero.grants;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.persistence.oauth.Grant;
import io.mcprospero.persistence.oauth.GrantWithCaller;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Grants: one sign-in of a person through one client, named by every access token of that sign-in. The org a
 * conversation works in lives here, for both MCP eras: a 2026-07-28 client has no session, and a legacy session
 * belongs to the grant whose token opened it. A grant that was revoked (RFC 7009, a replayed code or refresh token,
 * a disabled account) refuses its tokens at the next request, on every instance.
 */
@ApplicationScoped
public class Grants {

    private EntityManager entityManager;
    private Authorization authorization;
    private DataSource dataSource;
    private Transactions transactions;
    private Clock clock;

    protected Grants() {
        // for the CDI proxy
    }

    @Inject
    public Grants(EntityManager entityManager, Authorization authorization, DataSource dataSource, Transactions transactions,
                  Clock clock) {
        this.entityManager = entityManager;
        this.authorization = authorization;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new grant of this user through this client, working in the user's personal org; within the caller's transaction. */
    public void open(String grantId, String userId, String clientId) {
        entityManager.persist(new Grant(grantId, userId, clientId, personalOrgOf(userId), clock.instant()));
    }

    /**
     * The caller behind a verified access token: its grant, if it stands and belongs to that user and the user is
     * active, with the caller in the grant's current org. One JDBC statement and no transaction on the common path: every
     * MCP request takes it. A user no longer a member of the grant's org is moved back to their personal org.
     */
    public Optional<Caller> callerOf(String grantId, String userId) {
        if (grantId == null || grantId.isBlank() || grantId.length() > 36 || userId == null) {
            return Optional.empty();
        }
        GrantWithCaller grant = read(grantId);
        return grant == null || !grant.userId().equals(userId) ? Optional.empty() : callerOf(grant);
    }

    /** As {@link #callerOf(String, String)}, for a grant already read (the legacy era reads it with its session). */
    public Optional<Caller> callerOf(GrantWithCaller grant) {
        if (grant.revoked() || !grant.userActive()) {
            return Optional.empty();
        }
        Caller caller = Authorization.callerOf(grant);
        return Optional.of(caller != null ? caller : backToPersonalOrg(grant));
    }

    private Caller backToPersonalOrg(GrantWithCaller grant) {
        return transactions.inOne(() -> {
            String personal = personalOrgOf(grant.userId());
            switchOrg(grant.grantId(), personal);
            return authorization.callerIn(grant.userId(), personal);
        });
    }

    /** Makes an org the grant's current one; the caller has checked the membership. Returns false for a revoked grant. */
    public boolean switchOrg(String grantId, String orgId) {
        return transactions.inOne(() -> entityManager.createNamedQuery(Grant.SWITCH_ORG)
                .setParameter("id", grantId)
                .setParameter("orgId", orgId)
                .executeUpdate()) == 1;
    }

    /** Ends a grant, within the caller's transaction. */
    public void revoke(String grantId) {
        entityManager.createNamedQuery(Grant.REVOKE)
                .setParameter("id", grantId)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    /** Ends every grant of a user (an account disabled), within the caller's transaction; returns how many. */
    public int revokeAllOf(String userId) {
        return entityManager.createNamedQuery(Grant.REVOKE_USER)
                .setParameter("userId", userId)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    private String personalOrgOf(String userId) {
        return entityManager.createNamedQuery(Membership.OF_USER, Membership.class)
                .setParameter("userId", userId)
                .getResultStream()
                .map(Membership::org)
                .filter(org -> org.isPersonal())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("user " + userId + " has no personal org"))
                .id();
    }

    private GrantWithCaller read(String grantId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(GrantWithCaller.SQL)) {
            statement.setString(1, grantId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? GrantWithCaller.of(row, 1) : null;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the grant", e);
        }
    }
}

package io.mcprospero.mcp.legacy;

import io.mcprospero.persistence.mcp.McpSession;
import io.mcprospero.persistence.mcp.SessionWithCaller;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Legacy MCP sessions (Mcp-Session-Id) kept in the database by hash, so that any instance behind the load balancer
 * can serve any request of a session. A session belongs to the grant whose token opened it: a token of another user,
 * or of another sign-in, with that id finds nothing.
 */
@ApplicationScoped
public class McpSessions {

    private EntityManager entityManager;
    private DataSource dataSource;
    private Transactions transactions;
    private Clock clock;
    private Duration idleTtl;

    protected McpSessions() {
        // for the CDI proxy
    }

    @Inject
    public McpSessions(EntityManager entityManager, DataSource dataSource, Transactions transactions, Clock clock,
                       @ConfigProperty(name = "mcprospero.mcp.session-idle-ttl") Duration idleTtl) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
        this.idleTtl = idleTtl;
    }

    /** Opens a session; returns the raw session id, which is stored only as a hash. */
    @Transactional
    public String open(String userId, String grantId, String clientId, String protocolVersion, String clientCapabilities,
                       String clientName, String clientVersion) {
        String rawId = RandomTokens.next();
        entityManager.persist(new McpSession(Hashes.sha256Hex(rawId), userId, grantId, clientId, protocolVersion,
                clientCapabilities, clientName, clientVersion, clock.instant()));
        return rawId;
    }

    /**
     * The live session with this id belonging to this user's grant, with the grant and the caller, in one JDBC
     * statement and without a transaction: this runs on every legacy MCP request. last_seen_at is written only when it
     * is a minute old.
     */
    public Optional<LiveSession> findLive(String rawId, String userId, String grantId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 128) {
            return Optional.empty();
        }
        SessionWithCaller row = read(Hashes.sha256Hex(rawId));
        if (row == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (row.isEnded() || !row.userId().equals(userId) || !row.grant().grantId().equals(grantId)
                || row.isIdleSince(now.minus(idleTtl))) {
            return Optional.empty();
        }
        if (row.isTouchDue(now)) {
            transactions.inOne(() -> entityManager.createNamedQuery(McpSession.TOUCH)
                    .setParameter("idHash", row.idHash())
                    .setParameter("now", now)
                    .executeUpdate());
        }
        return Optional.of(new LiveSession(row.idHash(), row.protocolVersion(), row.clientCapabilities(), row.grant()));
    }

    private SessionWithCaller read(String idHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SessionWithCaller.SQL)) {
            statement.setString(1, idHash);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? SessionWithCaller.of(row) : null;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the MCP session", e);
        }
    }

    /** Ends the session; returns false when there was no live session of this user with that id. */
    @Transactional
    public boolean end(String rawId, String userId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 128) {
            return false;
        }
        McpSession session = entityManager.find(McpSession.class, Hashes.sha256Hex(rawId));
        Instant now = clock.instant();
        if (session == null || session.isEnded() || !session.userId().equals(userId) || session.isIdleSince(now.minus(idleTtl))) {
            return false;
        }
        session.end(now);
        return true;
    }
}

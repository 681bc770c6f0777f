package io.mcprospero.persistence.mcp;

import io.mcprospero.persistence.oauth.GrantWithCaller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What every legacy MCP request after initialize reads, in one round trip: the session's own state and its grant's
 * ({@link GrantWithCaller}: revoked or not, the user, the membership of the grant's current org). Read with plain
 * JDBC ({@link #SQL}, {@link #of(ResultSet)}), not through JPA: nothing here is changed through it, and EclipseLink's
 * query machinery cost more than the database itself on this path (bench/README.md). A session without a grant
 * (opened before grants existed) is not found.
 */
public record SessionWithCaller(String idHash, String userId, String protocolVersion, String clientCapabilities,
                                Instant lastSeenAt, Instant endedAt, GrantWithCaller grant) {

    public static final String SQL = "SELECT s.id_hash, s.user_id, s.protocol_version, s.client_capabilities,"
            + " s.last_seen_at, s.ended_at, " + GrantWithCaller.COLUMNS
            + " FROM mcp_sessions s JOIN oauth_grants g ON g.id = s.grant_id" + GrantWithCaller.JOINS
            + " WHERE s.id_hash = ?";

    /** The current row of a result of {@link #SQL}. */
    public static SessionWithCaller of(ResultSet row) throws SQLException {
        return new SessionWithCaller(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                instant(row, 5), instant(row, 6), GrantWithCaller.of(row, 7));
    }

    /** getTimestamp, not getObject(column, OffsetDateTime.class): Payara's result set wrapper runs that by reflection. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    public boolean isIdleSince(Instant cutoff) {
        return McpSession.isIdleSince(lastSeenAt, cutoff);
    }

    /** Whether last_seen_at is old enough that this request should write it again. */
    public boolean isTouchDue(Instant now) {
        return McpSession.isTouchDue(lastSeenAt, now);
    }
}

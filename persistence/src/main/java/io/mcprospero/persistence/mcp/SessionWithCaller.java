package io.mcprospero.persistence.mcp;

import io.mcprospero.persistence.identity.UserStatus;
import io.mcprospero.persistence.org.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What every MCP request after initialize reads, in one round trip: the session's own state, its user's, and the
 * user's membership of the session's current org (role, org name and personal flag are null when the user is no
 * longer a member). Read with plain JDBC ({@link #SQL}, {@link #of(ResultSet)}), not through JPA: nothing here is
 * changed through it, and EclipseLink's query machinery cost more than the database itself on this path, which every
 * MCP request takes (bench/README.md). The table and column names are those of the entities' mappings.
 */
public record SessionWithCaller(String idHash, String userId, String currentOrgId, Instant lastSeenAt, Instant endedAt,
                                String email, String displayName, UserStatus userStatus,
                                Role role, String orgName, Boolean personalOrg) {

    public static final String SQL = "SELECT s.id_hash, s.user_id, s.current_org_id, s.last_seen_at, s.ended_at,"
            + " u.email, u.display_name, u.status, m.role, o.name, o.personal"
            + " FROM mcp_sessions s JOIN users u ON u.id = s.user_id"
            + " LEFT JOIN memberships m ON m.user_id = s.user_id AND m.org_id = s.current_org_id"
            + " LEFT JOIN orgs o ON o.id = s.current_org_id"
            + " WHERE s.id_hash = ?";

    /** The current row of a result of {@link #SQL}. */
    public static SessionWithCaller of(ResultSet row) throws SQLException {
        String role = row.getString(9);
        boolean personal = row.getBoolean(11);
        Boolean personalOrg = row.wasNull() ? null : personal;
        return new SessionWithCaller(row.getString(1), row.getString(2), row.getString(3), instant(row, 4), instant(row, 5),
                row.getString(6), row.getString(7), UserStatus.valueOf(row.getString(8)),
                role == null ? null : Role.valueOf(role), row.getString(10), personalOrg);
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

    public boolean userActive() {
        return userStatus == UserStatus.ACTIVE;
    }

    /** Whether the user is still a member of the session's current org. */
    public boolean isMember() {
        return role != null && orgName != null && personalOrg != null;
    }
}

package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.identity.UserStatus;
import io.mcprospero.persistence.org.Role;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What every MCP request reads about its access token's grant, in one round trip: whether the grant still stands,
 * its user's state, and the user's membership of the grant's current org (role, org name and personal flag are null
 * when the user is no longer a member). Plain JDBC, like {@code SessionWithCaller}: this is every request's path.
 * The legacy era's session query selects the same columns after its own ({@link #COLUMNS}, {@link #JOINS}).
 */
public record GrantWithCaller(String grantId, String userId, String currentOrgId, boolean revoked,
                              String email, String displayName, UserStatus userStatus,
                              Role role, String orgName, Boolean personalOrg) {

    /** The grant's columns, aliased g, u, m, o; read back by {@link #of(ResultSet, int)}. */
    public static final String COLUMNS = "g.id, g.user_id, g.current_org_id, g.revoked_at,"
            + " u.email, u.display_name, u.status, m.role, o.name, o.personal";
    public static final String JOINS = " JOIN users u ON u.id = g.user_id"
            + " LEFT JOIN memberships m ON m.user_id = g.user_id AND m.org_id = g.current_org_id"
            + " LEFT JOIN orgs o ON o.id = g.current_org_id";
    public static final String SQL = "SELECT " + COLUMNS + " FROM oauth_grants g" + JOINS + " WHERE g.id = ?";

    /** The grant of the current row, its columns starting at {@code first} (1 for {@link #SQL}). */
    public static GrantWithCaller of(ResultSet row, int first) throws SQLException {
        String role = row.getString(first + 7);
        boolean personal = row.getBoolean(first + 9);
        Boolean personalOrg = row.wasNull() ? null : personal;
        return new GrantWithCaller(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                row.getTimestamp(first + 3) != null, row.getString(first + 4), row.getString(first + 5),
                UserStatus.valueOf(row.getString(first + 6)), role == null ? null : Role.valueOf(role),
                row.getString(first + 8), personalOrg);
    }

    public boolean userActive() {
        return userStatus == UserStatus.ACTIVE;
    }

    /** Whether the user is still a member of the grant's current org. */
    public boolean isMember() {
        return role != null && orgName != null && personalOrg != null;
    }
}

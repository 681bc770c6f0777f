package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;

/**
 * A live MCP session of the requesting user, read with what every request needs: whether its user is still active,
 * and the caller in the session's current org, or null when the user is no longer a member of that org.
 */
public record LiveSession(String idHash, String userId, String currentOrgId, boolean userActive, Caller caller) {
}

package io.mcprospero.mcp.legacy;

import io.mcprospero.persistence.oauth.GrantWithCaller;

/**
 * A live legacy MCP session of the requesting user, read with what every request needs: the revision it negotiated,
 * what its client declared it can do, and its grant (revoked or not, the user's state, the caller in its current org).
 */
public record LiveSession(String idHash, String protocolVersion, String clientCapabilities, GrantWithCaller grant) {
}

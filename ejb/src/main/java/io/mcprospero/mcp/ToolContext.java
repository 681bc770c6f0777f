package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;

/** Who calls a tool, in which org, through which MCP session (by its stored hash). */
public record ToolContext(Caller caller, String sessionIdHash) {
}

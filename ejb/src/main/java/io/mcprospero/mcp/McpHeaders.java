package io.mcprospero.mcp;

/**
 * The HTTP headers of a POST to /mcp that the protocol eras check against the body: MCP-Protocol-Version,
 * Mcp-Session-Id (legacy), and 2026-07-28's Mcp-Method and Mcp-Name. Null where absent.
 */
public record McpHeaders(String protocolVersion, String sessionId, String method, String name) {
}

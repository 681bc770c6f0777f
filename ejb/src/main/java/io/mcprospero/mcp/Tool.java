package io.mcprospero.mcp;

import jakarta.json.JsonObject;

/**
 * One MCP tool: its name, and what it does with already schema-validated arguments. The schema, title and
 * description live in {@code mcp/tools/<name>.json}, so that the whole tool surface can be versioned and
 * checked as data (see {@link ToolSurface}).
 */
public interface Tool {

    String name();

    /** Whether only platform admins see and may call this tool. */
    default boolean adminOnly() {
        return false;
    }

    /** Whether the call runs in one transaction (the default: all or nothing); a tool that commits in steps says no. */
    default boolean transactional() {
        return true;
    }

    ToolResult call(ToolContext context, JsonObject arguments);
}

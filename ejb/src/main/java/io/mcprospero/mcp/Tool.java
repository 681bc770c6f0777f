package io.mcprospero.mcp;

import io.mcprospero.authz.Permission;
import jakarta.json.JsonObject;

/**
 * One MCP tool: its name, and what it does with already schema-validated arguments. The schema, title, annotations
 * and description live in {@code mcp/tools/<name>.json}, so that the whole tool surface can be versioned and checked
 * as data (see {@link ToolSurface}).
 */
public interface Tool {

    /** The optional argument of org-scoped tools: the org to act in for this one call, instead of the current org. */
    String ORG_ARGUMENT = "org_id";

    String name();

    /** Whether only platform admins see and may call this tool. */
    default boolean adminOnly() {
        return false;
    }

    /**
     * The permission a caller's role in the current org needs for the tool to be listed (null: everyone). Listing
     * follows the role so that the model sees what it can use; a call is authorized by the tool itself either way.
     */
    default Permission listedWith() {
        return null;
    }

    /** Whether the tool acts in an org that an optional {@link #ORG_ARGUMENT} may name (its schema declares it). */
    default boolean orgScoped() {
        return false;
    }

    /** Whether the call runs in one transaction (the default: all or nothing); a tool that commits in steps says no. */
    default boolean transactional() {
        return true;
    }

    ToolResult call(ToolContext context, JsonObject arguments);
}

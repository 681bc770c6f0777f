package io.mcprospero.mcp.mrtr;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What the client of a request declared it can do, as far as the tools care: whether it can ask the person a
 * form question (elicitation; an empty elicitation object means form mode) or show a link (URL mode), and whether it
 * follows tasks (the 2026-07-28 {@code io.modelcontextprotocol/tasks} extension; legacy clients never do here).
 */
public record ClientAbilities(boolean elicitsForms, boolean elicitsUrls, boolean followsTasks) {

    public static final ClientAbilities NONE = new ClientAbilities(false, false, false);
    public static final String TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

    /** A 2026-07-28 request's capabilities: elicitation as {@link #of}, and the tasks extension. */
    public static ClientAbilities modern(JsonValue capabilities) {
        ClientAbilities elicits = of(capabilities);
        boolean tasks = capabilities instanceof JsonObject declared && declared.get("extensions") instanceof JsonObject extensions
                && extensions.get(TASKS_EXTENSION) instanceof JsonObject;
        return new ClientAbilities(elicits.elicitsForms(), elicits.elicitsUrls(), tasks);
    }

    /** From a ClientCapabilities object (2026-07-28 _meta, or a legacy initialize); anything malformed counts as absent. */
    public static ClientAbilities of(JsonValue capabilities) {
        if (!(capabilities instanceof JsonObject declared) || !(declared.get("elicitation") instanceof JsonObject elicitation)) {
            return NONE;
        }
        boolean url = elicitation.get("url") instanceof JsonObject;
        boolean form = elicitation.get("form") instanceof JsonObject || !url && !elicitation.containsKey("form");
        return new ClientAbilities(form, url, false);
    }
}

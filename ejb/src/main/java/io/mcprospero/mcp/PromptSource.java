package io.mcprospero.mcp;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A feature's MCP prompts (templates the person picks in the client). */
public interface PromptSource {

    /** Prompt descriptors ({name, title, description, arguments}). */
    List<JsonObject> list();

    /** The prompt's result ({description, messages}) for these arguments, or empty when the name is not this source's. */
    Optional<JsonObject> get(String name, JsonObject arguments);
}

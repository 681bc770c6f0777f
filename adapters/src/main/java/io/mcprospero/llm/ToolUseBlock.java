package io.mcprospero.llm;

import java.util.Objects;

/**
 * The model asks to call a tool.
 *
 * @param id the provider's id of this call, which the {@link ToolResultBlock} names
 * @param inputJson the arguments, as a JSON object
 */
public record ToolUseBlock(String id, String name, String inputJson) implements ContentBlock {

    public ToolUseBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        inputJson = inputJson == null || inputJson.isBlank() ? "{}" : inputJson;
    }
}

package io.mcprospero.llm;

import java.util.Objects;

/**
 * A tool the model may call.
 *
 * @param inputSchemaJson the JSON Schema of its arguments: an object schema ({@code {"type":"object",...}})
 */
public record ModelTool(String name, String description, String inputSchemaJson) {

    public ModelTool {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        inputSchemaJson = inputSchemaJson == null || inputSchemaJson.isBlank() ? "{\"type\":\"object\"}" : inputSchemaJson;
    }
}

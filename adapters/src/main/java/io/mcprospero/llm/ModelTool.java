package io.mcprospero.llm;

/** A tool offered to the model; its input schema is a JSON Schema object as text. */
public record ModelTool(String name, String description, String inputSchemaJson) {
}

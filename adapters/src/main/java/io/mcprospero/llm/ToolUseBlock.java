package io.mcprospero.llm;

/** A tool call the model asks for; its input is a JSON object as text. */
public record ToolUseBlock(String id, String name, String inputJson) implements ContentBlock {
}

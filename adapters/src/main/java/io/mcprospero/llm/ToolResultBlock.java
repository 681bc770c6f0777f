package io.mcprospero.llm;

public record ToolResultBlock(String toolUseId, String content, boolean isError) implements ContentBlock {
}

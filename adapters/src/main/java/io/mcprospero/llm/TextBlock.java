package io.mcprospero.llm;

public record TextBlock(String text) implements ContentBlock {
}

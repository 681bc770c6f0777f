package io.mcprospero.llm;

public sealed interface ContentBlock permits TextBlock, ToolUseBlock, ToolResultBlock {
}

package io.mcprospero.llm;

/** A part of a message: text, a tool call by the model, or the result of one. */
public sealed interface ContentBlock permits TextBlock, ToolUseBlock, ToolResultBlock {
}

package io.mcprospero.llm;

import java.util.Objects;

/**
 * What a tool call returned, sent back in the next user message.
 *
 * @param toolUseId the {@link ToolUseBlock#id()} it answers
 * @param isError the tool failed, and {@code content} says how
 */
public record ToolResultBlock(String toolUseId, String content, boolean isError) implements ContentBlock {

    public ToolResultBlock {
        Objects.requireNonNull(toolUseId, "toolUseId");
        content = content == null ? "" : content;
    }
}

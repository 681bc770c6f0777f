package io.mcprospero.llm;

import java.util.List;

/**
 * The model's answer to one turn.
 *
 * @param model the model that answered, as the provider names it
 */
public record ModelReply(List<ContentBlock> content, StopReason stopReason, long inputTokens, long outputTokens,
                         String model) {

    public ModelReply {
        content = List.copyOf(content);
    }

    /** The tool calls of this answer, in order. */
    public List<ToolUseBlock> toolUses() {
        return content.stream().filter(ToolUseBlock.class::isInstance).map(ToolUseBlock.class::cast).toList();
    }

    /** The text blocks of this answer, joined by blank lines. */
    public String text() {
        return String.join("\n\n", content.stream().filter(TextBlock.class::isInstance)
                .map(block -> ((TextBlock) block).text()).toList());
    }
}

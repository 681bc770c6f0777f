package io.mcprospero.llm;

import java.util.List;

public record ModelReply(List<ContentBlock> content, StopReason stopReason, long inputTokens, long outputTokens, String model) {
}

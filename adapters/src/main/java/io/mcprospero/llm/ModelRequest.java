package io.mcprospero.llm;

import java.util.List;

public record ModelRequest(String model, String system, List<ModelMessage> messages, List<ModelTool> tools, int maxTokens) {
}

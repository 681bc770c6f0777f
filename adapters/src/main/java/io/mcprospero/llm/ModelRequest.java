package io.mcprospero.llm;

import java.util.List;
import java.util.Objects;

/**
 * One turn to send: the whole conversation so far, the tools the model may call, and the most tokens it may
 * answer with.
 *
 * @param model the provider's model id ({@code claude-sonnet-4-5}, a Bedrock model or inference profile id, an
 *        Ollama model name); blank takes {@link LlmSettings#model()}
 * @param system the system prompt, or blank for none
 */
public record ModelRequest(String model, String system, List<ModelMessage> messages, List<ModelTool> tools,
                           int maxTokens) {

    public ModelRequest {
        model = model == null ? "" : model;
        system = system == null ? "" : system;
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
    }
}

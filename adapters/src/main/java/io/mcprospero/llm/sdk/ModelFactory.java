package io.mcprospero.llm.sdk;

import io.mcprospero.llm.LanguageModel;
import io.mcprospero.llm.LlmSettings;
import io.mcprospero.llm.ModelSdks;
import io.mcprospero.llm.RetryBackoff;
import io.mcprospero.llm.anthropic.AnthropicMessages;
import io.mcprospero.llm.openai.OpenAiChatCompletions;

/** {@link ModelSdks} in the provider libraries (found by {@link java.util.ServiceLoader}). */
public final class ModelFactory implements ModelSdks {

    @Override
    public LanguageModel anthropic(LlmSettings settings, RetryBackoff backoff) {
        return AnthropicMessages.anthropic(settings, backoff);
    }

    @Override
    public LanguageModel bedrock(LlmSettings settings, String region, RetryBackoff backoff) {
        return AnthropicMessages.bedrock(settings, region, backoff);
    }

    @Override
    public LanguageModel openAi(LlmSettings settings, RetryBackoff backoff) {
        return OpenAiChatCompletions.create(settings, backoff);
    }
}

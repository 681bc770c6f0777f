package io.mcprospero.llm;

/**
 * The language model adapters that need a provider's SDK (Anthropic's, with its Bedrock module, and OpenAI's). They
 * live in the provider libraries, loaded when first used ({@code io.mcprospero.libraries.ProviderLibraries}).
 */
public interface ModelSdks {

    LanguageModel anthropic(LlmSettings settings, RetryBackoff backoff);

    LanguageModel bedrock(LlmSettings settings, String region, RetryBackoff backoff);

    LanguageModel openAi(LlmSettings settings, RetryBackoff backoff);
}

package io.mcprospero.llm;

import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.libraries.ProviderLibrariesMissing;
import java.util.Optional;

/**
 * Makes the {@link LanguageModel} the settings describe. Loads the provider libraries for a configured provider
 * (not for none), but creates no client: each adapter creates its SDK client on its first call. A provider with a missing setting gives a model whose every call fails with
 * {@link ModelFailure.Kind#NOT_CONFIGURED} and names the setting, so that a server without a model still starts.
 */
public final class LanguageModels {

    private LanguageModels() {
    }

    public static LanguageModel configured(LlmSettings settings) {
        return configured(settings, RetryBackoff.DEFAULT);
    }

    /** With another backoff than {@link RetryBackoff#DEFAULT}: tests use milliseconds. */
    public static LanguageModel configured(LlmSettings settings, RetryBackoff backoff) {
        switch (settings.provider()) {
            case "", "none" -> {
                return new NotConfiguredModel("none", "No language model provider is configured. Set "
                        + LlmSettings.PROVIDER + " (anthropic, bedrock or openai), " + LlmSettings.API_KEY + " and "
                        + LlmSettings.MODEL + ", and " + LlmSettings.BASE_URL + " for an OpenAI-compatible server "
                        + "such as Ollama (http://localhost:11434/v1).");
            }
            case "anthropic" -> {
                if (settings.apiKey().isEmpty()) {
                    return new NotConfiguredModel("anthropic", "The model provider anthropic needs an API key: set "
                            + LlmSettings.API_KEY + " (and " + LlmSettings.MODEL + "; " + LlmSettings.BASE_URL
                            + " only to use another endpoint).");
                }
                return fromLibraries("anthropic", sdks -> sdks.anthropic(settings, backoff));
            }
            case "bedrock" -> {
                Optional<String> region = settings.region().or(LanguageModels::awsRegionFromEnvironment);
                if (region.isEmpty()) {
                    return new NotConfiguredModel("bedrock", "The model provider bedrock needs an AWS region: set "
                            + LlmSettings.REGION + " (or AWS_REGION), and " + LlmSettings.MODEL + " to a Bedrock "
                            + "model or inference profile id; the AWS credentials come from the default chain "
                            + "(environment, profile, container or instance role).");
                }
                return fromLibraries("bedrock", sdks -> sdks.bedrock(settings, region.get(), backoff));
            }
            case "openai" -> {
                if (settings.baseUrl().isEmpty()) {
                    return new NotConfiguredModel("openai", "The model provider openai (an OpenAI-compatible chat "
                            + "completions server) needs its endpoint: set " + LlmSettings.BASE_URL + " (for Ollama "
                            + "http://localhost:11434/v1) and " + LlmSettings.MODEL + "; " + LlmSettings.API_KEY
                            + " if the server asks for one.");
                }
                return fromLibraries("openai", sdks -> sdks.openAi(settings, backoff));
            }
            default -> {
                return new NotConfiguredModel(settings.provider(), LlmSettings.PROVIDER + " is '" + settings.provider()
                        + "', which is no provider: set it to anthropic, bedrock, openai or none.");
            }
        }
    }

    /** A provider's adapter whose libraries cannot be loaded answers every call with the reason, as a missing setting does. */
    private static LanguageModel fromLibraries(String provider, java.util.function.Function<ModelSdks, LanguageModel> adapter) {
        try {
            return adapter.apply(ProviderLibraries.load(ModelSdks.class));
        } catch (ProviderLibrariesMissing e) {
            return new NotConfiguredModel(provider, e.getMessage());
        }
    }

    /** The region as the AWS SDK reads it, without the instance metadata lookup (slow off EC2). */
    private static Optional<String> awsRegionFromEnvironment() {
        return Optional.ofNullable(System.getProperty("aws.region"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                .filter(value -> !value.isBlank());
    }
}

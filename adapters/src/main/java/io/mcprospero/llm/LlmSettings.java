package io.mcprospero.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The model provider's settings ({@code mcprospero.llm.*}).
 *
 * @param provider {@code anthropic}, {@code bedrock}, {@code openai} (any OpenAI-compatible chat completions server:
 *        Ollama, vLLM), or {@code none}/blank
 * @param model the default model, for requests that name none
 * @param apiKey Anthropic's API key (required there), or the OpenAI-compatible server's (optional); Bedrock uses the
 *        AWS credentials of the default chain instead
 * @param baseUrl the endpoint: required for {@code openai} (for example {@code http://localhost:11434/v1}); for
 *        {@code anthropic} and {@code bedrock} it overrides the provider's own
 * @param region the AWS region, for {@code bedrock} (else {@code aws.region} / {@code AWS_REGION})
 * @param timeout how long one request may take
 * @param maxRetries how often a rate-limited, failed or timed-out request is sent again (0 sends it once)
 */
public record LlmSettings(String provider, Optional<String> model, Optional<String> apiKey, Optional<String> baseUrl,
                          Optional<String> region, Duration timeout, int maxRetries) {

    public static final String PROVIDER = "mcprospero.llm.provider";
    public static final String MODEL = "mcprospero.llm.model";
    public static final String API_KEY = "mcprospero.llm.api-key";
    public static final String BASE_URL = "mcprospero.llm.base-url";
    public static final String REGION = "mcprospero.llm.region";
    public static final String TIMEOUT = "mcprospero.llm.timeout";
    public static final String MAX_RETRIES = "mcprospero.llm.max-retries";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_RETRIES = 2;

    public LlmSettings {
        provider = provider == null ? "" : provider.strip().toLowerCase(java.util.Locale.ROOT);
        model = blankToEmpty(model);
        apiKey = blankToEmpty(apiKey);
        baseUrl = blankToEmpty(baseUrl);
        region = blankToEmpty(region);
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        if (maxRetries < 0) {
            throw new IllegalArgumentException(MAX_RETRIES + " must be 0 or more, was " + maxRetries);
        }
    }

    /** No provider: every call fails with {@link ModelFailure.Kind#NOT_CONFIGURED}. */
    public static LlmSettings none() {
        return new LlmSettings("none", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES);
    }

    /** Never the API key: settings end up in logs. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model.orElse("-") + ", apiKey="
                + (apiKey.isPresent() ? "(set)" : "-") + ", baseUrl=" + baseUrl.orElse("-") + ", region="
                + region.orElse("-") + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return Objects.requireNonNullElse(value, Optional.<String>empty()).map(String::strip).filter(v -> !v.isEmpty());
    }
}

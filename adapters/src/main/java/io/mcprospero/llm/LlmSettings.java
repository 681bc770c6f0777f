package io.mcprospero.llm;

import java.time.Duration;
import java.util.Optional;

public record LlmSettings(String provider, Optional<String> model, Optional<String> apiKey, Optional<String> baseUrl,
                          Optional<String> region, Duration timeout, int maxRetries) {
}

package io.mcprospero.agents.runs;

import io.mcprospero.llm.LanguageModel;
import io.mcprospero.llm.LanguageModels;
import io.mcprospero.llm.LlmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The model provider chosen by configuration ({@code mcprospero.llm.*}), created at its first use so that its client
 * library is not loaded at start-up.
 */
@ApplicationScoped
public class ModelProvider {

    private volatile LanguageModel model;

    public LanguageModel model() {
        LanguageModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = LanguageModels.configured(settings(ConfigProvider.getConfig(ModelProvider.class.getClassLoader())));
                }
                current = model;
            }
        }
        return current;
    }

    static LlmSettings settings(Config config) {
        return new LlmSettings(config.getOptionalValue("mcprospero.llm.provider", String.class).orElse("none"),
                config.getOptionalValue("mcprospero.llm.model", String.class),
                config.getOptionalValue("mcprospero.llm.api-key", String.class),
                config.getOptionalValue("mcprospero.llm.base-url", String.class),
                config.getOptionalValue("mcprospero.llm.region", String.class),
                config.getOptionalValue("mcprospero.llm.timeout", Duration.class).orElse(Duration.ofSeconds(60)),
                config.getOptionalValue("mcprospero.llm.max-retries", Integer.class).orElse(2));
    }
}

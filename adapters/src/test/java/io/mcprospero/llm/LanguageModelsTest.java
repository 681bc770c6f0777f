package io.mcprospero.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which model the settings make, and what an incomplete configuration says. */
class LanguageModelsTest {

    private static ModelFailure failureOf(LlmSettings settings) {
        LanguageModel model = LanguageModels.configured(settings, Conversations.FAST);
        return catchThrowableOfType(() -> model.complete(Conversations.firstTurn("some-model")), ModelFailure.class);
    }

    @Test
    void noProviderNamesTheSettingsToSet() {
        for (String provider : new String[] {"none", "", " ", null}) {
            LlmSettings settings = Conversations.settings(provider, null, null, null, null, null, 2);
            assertThat(LanguageModels.configured(settings).provider()).isEqualTo("none");

            ModelFailure failure = failureOf(settings);

            assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.attempts()).isZero();
            assertThat(failure.reason()).contains("mcprospero.llm.provider", "mcprospero.llm.api-key",
                    "mcprospero.llm.model", "mcprospero.llm.base-url");
        }
        assertThat(failureOf(LlmSettings.none()).kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
    }

    @Test
    void anthropicWithoutAnApiKeyAsksForOne() {
        ModelFailure failure = failureOf(Conversations.settings("anthropic", "claude-sonnet-4-5", " ", null, null, null, 2));

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
        assertThat(failure.reason()).startsWith("The model provider anthropic needs an API key: set mcprospero.llm.api-key");
    }

    @Test
    void bedrockWithoutARegionAsksForOne() {
        String before = System.getProperty("aws.region");
        System.clearProperty("aws.region");
        try {
            ModelFailure failure = failureOf(Conversations.settings("bedrock", "anthropic.claude", null, null, null, null, 2));
            if (System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null) {
                assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
                assertThat(failure.reason()).contains("mcprospero.llm.region", "mcprospero.llm.model");
            }
        } finally {
            if (before != null) {
                System.setProperty("aws.region", before);
            }
        }
    }

    @Test
    void openAiWithoutABaseUrlAsksForOne() {
        ModelFailure failure = failureOf(Conversations.settings("OpenAI", "llama3.1", null, null, null, null, 2));

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
        assertThat(failure.reason()).contains("mcprospero.llm.base-url", "http://localhost:11434/v1", "mcprospero.llm.model");
    }

    @Test
    void anUnknownProviderSaysWhichOnesThereAre() {
        LlmSettings settings = Conversations.settings("gemini", null, null, null, null, null, 2);
        ModelFailure failure = failureOf(settings);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
        assertThat(failure.reason()).isEqualTo("mcprospero.llm.provider is 'gemini', which is no provider: set it to "
                + "anthropic, bedrock, openai or none.");
    }

    @Test
    void eachProviderGetsItsAdapterWithoutConnecting() {
        // nothing listens on port 9: making the models must not connect (the clients are made on the first call)
        assertThat(LanguageModels.configured(Conversations.settings("anthropic", "m", "key", "http://127.0.0.1:9",
                null, null, 2)).provider()).isEqualTo("anthropic");
        assertThat(LanguageModels.configured(Conversations.settings("bedrock", "m", null, "http://127.0.0.1:9",
                "us-east-1", null, 2)).provider()).isEqualTo("bedrock");
        assertThat(LanguageModels.configured(Conversations.settings("openai", "m", null, "http://127.0.0.1:9/v1",
                null, null, 2)).provider()).isEqualTo("openai");
    }

    @Test
    void aBaseUrlThatIsNoUrlSaysWhichSettingToFix() {
        for (String provider : new String[] {"anthropic", "openai"}) {
            ModelFailure failure = failureOf(Conversations.settings(provider, "m", "k", "localhost:11434/v1", null,
                    null, 2));

            assertThat(failure.kind()).as(provider).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.reason()).as(provider).startsWith("The model provider (" + provider + ") could not be called")
                    .contains("mcprospero.llm.base-url");
        }
    }

    @Test
    void closingAModelThatNeverCalledMakesNoClient() {
        for (String provider : new String[] {"anthropic", "bedrock", "openai", "none"}) {
            LanguageModel model = LanguageModels.configured(Conversations.settings(provider, "m", "k",
                    "http://127.0.0.1:9/v1", "us-east-1", null, 0));
            model.close();
            model.close();
        }
    }

    @Test
    void settingsNeverShowTheApiKey() {
        LlmSettings settings = Conversations.settings("anthropic", "claude-sonnet-4-5", "sk-ant-secret", null, null,
                Duration.ofSeconds(30), 2);

        assertThat(settings.toString()).doesNotContain("sk-ant-secret").contains("apiKey=(set)");
        assertThat(settings.apiKey()).contains("sk-ant-secret");
    }

    @Test
    void settingsDefaultTheTimeoutAndRefuseNegativeRetries() {
        assertThat(Conversations.settings("openai", null, null, null, null, null, 0).timeout())
                .isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
        assertThat(catchThrowableOfType(() -> Conversations.settings("openai", null, null, null, null, null, -1),
                IllegalArgumentException.class)).hasMessageContaining("mcprospero.llm.max-retries");
    }
}

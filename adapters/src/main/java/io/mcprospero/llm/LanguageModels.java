package io.mcprospero.llm;

/** The provider chosen by configuration. (Placeholder until the adapters land: only "none".) */
public final class LanguageModels {

    private LanguageModels() {
    }

    public static LanguageModel configured(LlmSettings settings) {
        return new LanguageModel() {
            @Override
            public ModelReply complete(ModelRequest request) throws ModelFailure {
                throw new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "no model provider is configured: set "
                        + "mcprospero.llm.provider (anthropic, bedrock or openai), mcprospero.llm.api-key, and if needed "
                        + "mcprospero.llm.model and mcprospero.llm.base-url");
            }

            @Override
            public String provider() {
                return "none";
            }
        };
    }
}

package io.mcprospero.llm;

/** The model of a server whose provider settings are missing or incomplete: every call says what to set. */
final class NotConfiguredModel implements LanguageModel {

    private final String provider;
    private final String reason;

    NotConfiguredModel(String provider, String reason) {
        this.provider = provider;
        this.reason = reason;
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelFailure {
        throw new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, reason);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String toString() {
        return "NotConfiguredModel[" + provider + "]";
    }
}

package io.mcprospero.llm;

/** One configured model provider; thread-safe. */
public interface LanguageModel {

    ModelReply complete(ModelRequest request) throws ModelFailure;

    /** "anthropic", "bedrock" or "openai". */
    String provider();
}

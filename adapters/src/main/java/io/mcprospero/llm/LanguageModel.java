package io.mcprospero.llm;

/**
 * One configured model provider (Anthropic, Amazon Bedrock, or an OpenAI-compatible server). Thread-safe; the
 * provider's client is created on the first call, not at start-up, so that a server that never runs an agent
 * never loads the SDK.
 *
 * <p>Implementations never log the prompt, the completion or the credentials.
 */
public interface LanguageModel extends AutoCloseable {

    /**
     * Sends one turn and returns the model's answer. Rate limits, server errors and time-outs are retried up to
     * {@link LlmSettings#maxRetries()} times with exponential backoff before this throws.
     *
     * @throws ModelFailure when the provider refused the request, answered something unreadable, kept failing, or
     *         no provider is configured; {@link ModelFailure#retryable()} says whether a later try may succeed
     */
    ModelReply complete(ModelRequest request) throws ModelFailure;

    /** {@code "anthropic"}, {@code "bedrock"}, {@code "openai"}, or {@code "none"}. */
    String provider();

    /** Releases the client's connections and threads, if the first call made one (at undeploy). */
    @Override
    default void close() {
    }
}

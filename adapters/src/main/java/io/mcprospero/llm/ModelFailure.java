package io.mcprospero.llm;

import java.util.Objects;

/**
 * A turn that got no usable answer. The message says what happened and what to check; it never holds the prompt,
 * the completion or a credential, so it may be shown to the agent's owner and logged.
 */
public class ModelFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; {@link #RATE_LIMITED} and {@link #UNAVAILABLE} are worth a later try. */
    public enum Kind {
        /** 429, after the retries. */
        RATE_LIMITED(true),
        /** 5xx, a time-out or an unreachable provider, after the retries. */
        UNAVAILABLE(true),
        /** 4xx other than 429: the API key, the model name or the request is wrong. Not retried. */
        REFUSED(false),
        /** The provider answered something that is not a response of its API. Not retried. */
        MALFORMED(false),
        /** No provider is configured, or a setting it needs is missing. */
        NOT_CONFIGURED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int attempts;
    private final int httpStatus;

    public ModelFailure(Kind kind, String reason, int attempts, int httpStatus) {
        super(reason);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.attempts = attempts;
        this.httpStatus = httpStatus;
    }

    public ModelFailure(Kind kind, String reason) {
        this(kind, reason, 0, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the same request may succeed later (rate limited or unavailable). */
    public boolean retryable() {
        return kind.retryable();
    }

    /** What happened and what to check, in a sentence or two (the same as {@link #getMessage()}). */
    public String reason() {
        return getMessage();
    }

    /** How many requests were sent to the provider; 0 when none was (not configured). */
    public int attempts() {
        return attempts;
    }

    /** The HTTP status of the last answer, or 0 when there was none (time-out, unreachable, not configured). */
    public int httpStatus() {
        return httpStatus;
    }
}

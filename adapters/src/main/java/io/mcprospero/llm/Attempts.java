package io.mcprospero.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Sends a request, and again after a rate limit, a server error or a time-out, at most {@code maxRetries} more times
 * with {@link RetryBackoff}; then throws a {@link ModelFailure} that says what happened how often. The SDKs' own
 * retries are off, so that this count is the whole count.
 */
public final class Attempts {

    /** Waits; a test may pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One request to the provider. */
    @FunctionalInterface
    public interface Call<T> {
        T send() throws FailedAttempt;
    }

    private final String provider;
    private final int maxRetries;
    private final RetryBackoff backoff;
    private final Sleeper sleeper;

    public Attempts(String provider, int maxRetries, RetryBackoff backoff, Sleeper sleeper) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.maxRetries = maxRetries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Attempts(String provider, int maxRetries, RetryBackoff backoff) {
        this(provider, maxRetries, backoff, duration -> Thread.sleep(duration.toMillis()));
    }

    public <T> T run(Call<T> call) throws ModelFailure {
        int sameAsLast = 0;
        String lastWhat = null;
        for (int attempt = 1; ; attempt++) {
            FailedAttempt failed;
            try {
                return call.send();
            } catch (FailedAttempt e) {
                failed = e;
            }
            sameAsLast = failed.what().equals(lastWhat) ? sameAsLast + 1 : 1;
            lastWhat = failed.what();
            if (!failed.kind().retryable()) {
                throw new ModelFailure(failed.kind(), sentence(failed, "The model provider (" + provider + ") "
                        + failed.what()), attempt, failed.httpStatus());
            }
            if (attempt > maxRetries) {
                String how = sameAsLast == attempt
                        ? failed.what() + " " + times(attempt)
                        : "failed " + times(attempt) + "; the last time it " + failed.what();
                throw new ModelFailure(failed.kind(), sentence(failed, "The model provider (" + provider + ") " + how
                        + " (" + LlmSettings.MAX_RETRIES + "=" + maxRetries + ")"), attempt, failed.httpStatus());
            }
            try {
                sleeper.sleep(backoff.before(attempt, failed.retryAfter()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelFailure(failed.kind(), "Interrupted while waiting to send the request to the model "
                        + "provider (" + provider + ") again; it had " + failed.what() + ".", attempt, failed.httpStatus());
            }
        }
    }

    private static String sentence(FailedAttempt failed, String head) {
        StringBuilder text = new StringBuilder(head);
        if (!failed.detail().isEmpty()) {
            text.append(": ").append(failed.detail());
        }
        if (!text.toString().matches("(?s).*[.!?]$")) {
            text.append('.');
        }
        if (!failed.advice().isEmpty()) {
            text.append(' ').append(failed.advice());
        }
        return text.toString();
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }
}

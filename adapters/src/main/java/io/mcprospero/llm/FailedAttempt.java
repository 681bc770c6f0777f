package io.mcprospero.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * One request to the provider that failed, as an adapter classified it; {@link Attempts} decides whether to send it
 * again and words the {@link ModelFailure}. Carries no library type and no request or response content beyond the
 * provider's short error message.
 *
 * @param what what the provider did, to follow "The model provider (anthropic) ...": "answered 429 (rate limited)",
 *        "did not answer within PT2M"
 * @param detail the provider's own error message, or empty
 * @param advice what to check or do, a sentence
 * @param retryAfter the wait the provider asked for ({@code Retry-After}), if any
 */
public final class FailedAttempt extends Exception {

    private static final long serialVersionUID = 1L;

    private final ModelFailure.Kind kind;
    private final int httpStatus;
    private final String what;
    private final String detail;
    private final String advice;
    private final transient Optional<Duration> retryAfter;

    public FailedAttempt(ModelFailure.Kind kind, int httpStatus, String what, String detail, String advice,
                         Optional<Duration> retryAfter) {
        super(what, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.what = what;
        this.detail = shorten(detail);
        this.advice = advice == null ? "" : advice;
        this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public static FailedAttempt malformed(String what, String advice) {
        return new FailedAttempt(ModelFailure.Kind.MALFORMED, 0, what, "", advice, Optional.empty());
    }

    public ModelFailure.Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String what() {
        return what;
    }

    public String detail() {
        return detail;
    }

    public String advice() {
        return advice;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** One line, at most 300 characters: a provider's message is shown, not its whole body. */
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}

package io.mcprospero.llm;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Classifies a provider's HTTP error answers and transport failures the same way for every adapter. */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * An error answer: 429 is rate limited, 408 and 5xx unavailable (both retried), any other status refused.
     *
     * @param credentials what to check when the credentials were refused, e.g. "the API key (mcprospero.llm.api-key)"
     */
    public static FailedAttempt status(int status, String detail, Optional<Duration> retryAfter, String credentials,
                                       String model) {
        if (status == 429) {
            return new FailedAttempt(ModelFailure.Kind.RATE_LIMITED, status, "answered 429 (rate limited)", detail,
                    "Try again later, or ask the provider for a higher rate limit.", retryAfter);
        }
        if (status == 408 || status >= 500) {
            return new FailedAttempt(ModelFailure.Kind.UNAVAILABLE, status, "answered " + status + " ("
                    + (status == 408 ? "request timeout" : status == 529 ? "overloaded" : "server error") + ")", detail,
                    "The provider may be down or overloaded; try again later.", retryAfter);
        }
        String advice = switch (status) {
            case 401 -> "Check " + credentials + ".";
            case 403 -> "Check that " + credentials + " may use the model " + model + ".";
            case 404 -> "Check the model name (" + LlmSettings.MODEL + ", now " + model + ") and "
                    + LlmSettings.BASE_URL + ".";
            case 400, 422 -> "Check the model name (" + LlmSettings.MODEL + ", now " + model
                    + ") and the request's max tokens; the provider did not accept the request.";
            case 413 -> "The conversation is too large for the provider; shorten it.";
            default -> "The provider did not accept the request; check " + LlmSettings.MODEL + " and "
                    + LlmSettings.BASE_URL + ".";
        };
        return new FailedAttempt(ModelFailure.Kind.REFUSED, status, "refused the request with " + status
                + describe(status), detail, advice, Optional.empty());
    }

    /** No answer: a time-out, a refused connection, a broken stream. Retried. */
    public static FailedAttempt transport(Throwable failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
                return new FailedAttempt(ModelFailure.Kind.UNAVAILABLE, 0, "did not answer within " + timeout, "",
                        "The provider may be overloaded; try again later, or raise " + LlmSettings.TIMEOUT + ".",
                        Optional.empty());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new FailedAttempt(ModelFailure.Kind.UNAVAILABLE, 0, "could not be reached ("
                + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")",
                "", "Check " + LlmSettings.BASE_URL + " and the network.", Optional.empty());
    }

    /**
     * The wait a provider asked for: {@code retry-after-ms} (Anthropic, OpenAI) or {@code Retry-After} in seconds or
     * as an HTTP date.
     */
    public static Optional<Duration> retryAfter(List<String> retryAfterMs, List<String> retryAfter) {
        for (String value : retryAfterMs) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(value.strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        for (String value : retryAfter) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException ignored) {
                    // no usable value
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> " (bad request)";
            case 401 -> " (unauthorized)";
            case 403 -> " (forbidden)";
            case 404 -> " (not found)";
            case 413 -> " (request too large)";
            case 422 -> " (unprocessable)";
            default -> "";
        };
    }
}

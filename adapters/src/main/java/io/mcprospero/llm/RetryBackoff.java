package io.mcprospero.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before sending a failed request again: exponential from {@code initial}, doubled each time up
 * to {@code max}, with jitter (between half and all of it) so that agents throttled together do not come back
 * together; at least what the provider's {@code Retry-After} asked for, up to {@code maxRetryAfter}.
 */
public record RetryBackoff(Duration initial, Duration max, Duration maxRetryAfter) {

    public static final RetryBackoff DEFAULT =
            new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** The wait before retry number {@code retry} (1 for the first). */
    public Duration before(int retry, Optional<Duration> retryAfter) {
        long exponential = initial.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(Math.max(exponential, 0), max.toMillis());
        long half = capped / 2;
        long jittered = half + (capped > half ? ThreadLocalRandom.current().nextLong(capped - half + 1) : 0);
        long asked = retryAfter.map(Duration::toMillis).map(ms -> Math.min(ms, maxRetryAfter.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, asked));
    }
}

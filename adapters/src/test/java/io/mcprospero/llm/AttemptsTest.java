package io.mcprospero.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry loop: how often, how long between, and what the failure says. */
class AttemptsTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private Attempts attempts(int maxRetries) {
        return new Attempts("anthropic", maxRetries, backoff, waits::add);
    }

    private static FailedAttempt status(int status, Optional<Duration> retryAfter) {
        return HttpFailures.status(status, "detail " + status, retryAfter, "the API key (mcprospero.llm.api-key)", "m");
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCapWithJitter() throws Exception {
        AtomicInteger sent = new AtomicInteger();

        catchThrowableOfType(() -> attempts(6).run(() -> {
            sent.incrementAndGet();
            throw status(503, Optional.empty());
        }), ModelFailure.class);

        assertThat(sent).hasValue(7);
        assertThat(waits).hasSize(6);
        long[] full = {200, 400, 800, 1600, 2000, 2000};
        for (int i = 0; i < full.length; i++) {
            assertThat(waits.get(i).toMillis()).as("wait %d", i + 1).isBetween(full[i] / 2, full[i]);
        }
    }

    @Test
    void retryAfterIsHonouredUpToItsCap() throws Exception {
        AtomicInteger sent = new AtomicInteger();

        String reply = attempts(3).run(() -> {
            int attempt = sent.incrementAndGet();
            if (attempt == 1) {
                throw status(429, Optional.of(Duration.ofSeconds(3)));
            }
            if (attempt == 2) {
                throw status(429, Optional.of(Duration.ofSeconds(60)));
            }
            return "answer";
        });

        assertThat(reply).isEqualTo("answer");
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger sent = new AtomicInteger();

        ModelFailure failure = catchThrowableOfType(() -> attempts(5).run(() -> {
            sent.incrementAndGet();
            throw status(400, Optional.empty());
        }), ModelFailure.class);

        assertThat(sent).hasValue(1);
        assertThat(waits).isEmpty();
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.reason()).isEqualTo("The model provider (anthropic) refused the request with 400 (bad "
                + "request): detail 400. Check the model name (mcprospero.llm.model, now m) and the request's max "
                + "tokens; the provider did not accept the request.");
    }

    @Test
    void zeroRetriesSendsOnce() {
        AtomicInteger sent = new AtomicInteger();

        ModelFailure failure = catchThrowableOfType(() -> attempts(0).run(() -> {
            sent.incrementAndGet();
            throw status(429, Optional.empty());
        }), ModelFailure.class);

        assertThat(sent).hasValue(1);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.reason()).startsWith("The model provider (anthropic) answered 429 (rate limited) once "
                + "(mcprospero.llm.max-retries=0): detail 429.");
    }

    @Test
    void mixedFailuresNameTheLast() {
        AtomicInteger sent = new AtomicInteger();

        ModelFailure failure = catchThrowableOfType(() -> attempts(2).run(() -> {
            throw status(sent.incrementAndGet() < 3 ? 429 : 502, Optional.empty());
        }), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.reason()).startsWith("The model provider (anthropic) failed 3 times; the last time it "
                + "answered 502 (server error) (mcprospero.llm.max-retries=2): detail 502.");
    }

    @Test
    void anInterruptedWaitEndsTheRetriesAndKeepsTheInterrupt() {
        Attempts interrupted = new Attempts("openai", 3, backoff, duration -> {
            throw new InterruptedException();
        });

        ModelFailure failure = catchThrowableOfType(() -> interrupted.run(() -> {
            throw status(500, Optional.empty());
        }), ModelFailure.class);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.reason()).startsWith("Interrupted while waiting");
    }

    @Test
    void retryAfterIsReadInMillisecondsSecondsOrAsADate() {
        assertThat(HttpFailures.retryAfter(List.of("1500"), List.of("9"))).contains(Duration.ofMillis(1500));
        assertThat(HttpFailures.retryAfter(List.of(), List.of("2"))).contains(Duration.ofSeconds(2));
        assertThat(HttpFailures.retryAfter(List.of(), List.of("0.5"))).contains(Duration.ofMillis(500));
        assertThat(HttpFailures.retryAfter(List.of(), List.of("Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ZERO);
        assertThat(HttpFailures.retryAfter(List.of("soon"), List.of("later"))).isEmpty();
        assertThat(HttpFailures.retryAfter(List.of(), List.of())).isEmpty();
    }

    @Test
    void statusesAreClassified() {
        assertThat(status(429, Optional.empty()).kind()).isEqualTo(ModelFailure.Kind.RATE_LIMITED);
        for (int code : new int[] {408, 500, 502, 503, 504, 529}) {
            assertThat(status(code, Optional.empty()).kind()).as("%d", code).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        }
        for (int code : new int[] {400, 401, 403, 404, 409, 413, 422}) {
            assertThat(status(code, Optional.empty()).kind()).as("%d", code).isEqualTo(ModelFailure.Kind.REFUSED);
        }
    }

    @Test
    void aProvidersLongMessageIsShortenedToOneLine() {
        FailedAttempt failed = HttpFailures.status(400, "first line\nsecond\tline " + "x".repeat(1000),
                Optional.empty(), "k", "m");

        assertThat(failed.detail()).hasSize(300).startsWith("first line second line x").endsWith("...");
    }

    @Test
    void theLazyClientIsMadeOnceForAllThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        assertThat(lazy.isMade()).isFalse();
        List<Thread> threads = new ArrayList<>();
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> seen.add(lazy.get()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(made).hasValue(1);
        assertThat(seen).hasSize(8).containsOnly(lazy.get());
    }
}

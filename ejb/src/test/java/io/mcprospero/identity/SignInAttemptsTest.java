package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Wrong access codes per address and quarter of an hour: the limit, its wait, and its end. */
class SignInAttemptsTest {

    private final SignInAttempts attempts = new SignInAttempts(3);
    private final Instant start = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void anAddressMayTryUntilItHasEnteredTheAllowedNumberOfWrongCodes() {
        attempts.failed("203.0.113.7", start);
        attempts.failed("203.0.113.7", start.plusSeconds(1));

        assertThat(attempts.waitBeforeTrying("203.0.113.7", start.plusSeconds(2))).isEmpty();

        attempts.failed("203.0.113.7", start.plusSeconds(2));

        assertThat(attempts.waitBeforeTrying("203.0.113.7", start.plusSeconds(60))).hasValue(15 * 60 - 60);
    }

    @Test
    void anotherAddressHasItsOwnCount() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("203.0.113.7", start);
        }

        assertThat(attempts.waitBeforeTrying("198.51.100.1", start)).isEmpty();
    }

    @Test
    void theAddressMayTryAgainWhenItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("203.0.113.7", start);
        }

        assertThat(attempts.waitBeforeTrying("203.0.113.7", start.plus(SignInAttempts.WINDOW).minusSeconds(1))).hasValue(1);
        assertThat(attempts.waitBeforeTrying("203.0.113.7", start.plus(SignInAttempts.WINDOW))).isEmpty();
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new SignInAttempts(0)).hasMessageContaining("mcprospero.identity.local.failed-attempts");
    }
}

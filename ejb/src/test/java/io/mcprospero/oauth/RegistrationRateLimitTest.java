package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationRateLimitTest {

    private final RegistrationRateLimit limit = new RegistrationRateLimit(3);
    private final Instant start = Instant.parse("2025-11-25T10:00:00Z");

    @Test
    void theAttemptOverTheRateIsRefusedWithTheSecondsLeftInTheWindow() {
        for (int i = 0; i < 3; i++) {
            limit.admit("203.0.113.7", start.plusSeconds(i));
        }

        assertThatThrownBy(() -> limit.admit("203.0.113.7", start.plusSeconds(20)))
                .isInstanceOfSatisfying(OAuthError.class, error -> {
                    assertThat(error.status()).isEqualTo(429);
                    assertThat(error.code()).isEqualTo("too_many_requests");
                    assertThat(error.retryAfterSeconds()).isEqualTo(40);
                });
    }

    @Test
    void anotherAddressHasItsOwnCount() {
        for (int i = 0; i < 3; i++) {
            limit.admit("203.0.113.7", start);
        }

        limit.admit("198.51.100.1", start);
    }

    @Test
    void theCountStartsAgainInTheNextMinute() {
        for (int i = 0; i < 3; i++) {
            limit.admit("203.0.113.7", start);
        }

        limit.admit("203.0.113.7", start.plusSeconds(60));
    }
}

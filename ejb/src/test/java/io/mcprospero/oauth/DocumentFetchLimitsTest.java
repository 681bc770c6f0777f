package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DocumentFetchLimitsTest {

    private final DocumentFetchLimits limits = new DocumentFetchLimits(2, 3, Duration.ofMinutes(1));
    private final Instant start = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void anAddressOverItsRateIsRefusedWhileAnotherStillFetches() {
        limits.admit("https://a.example/1", "203.0.113.1", start);
        limits.admit("https://a.example/2", "203.0.113.1", start);

        assertThatThrownBy(() -> limits.admit("https://b.example/3", "203.0.113.1", start))
                .isInstanceOf(MetadataDocumentRefused.class).hasMessageContaining("for your address");
        assertThatCode(() -> limits.admit("https://b.example/3", "203.0.113.2", start)).doesNotThrowAnyException();
    }

    @Test
    void aHostOverItsRateIsRefusedWhoeverAsks() {
        for (int i = 0; i < 3; i++) {
            limits.admit("https://a.example/" + i, "198.51.100." + i, start);
        }

        assertThatThrownBy(() -> limits.admit("https://A.example/x", "198.51.100.9", start))
                .isInstanceOf(MetadataDocumentRefused.class).hasMessageContaining("fetched from a.example");
    }

    @Test
    void aRefusalIsGivenAgainUntilItsMemoryEnds() {
        limits.refused("https://a.example/doc", new MetadataDocumentRefused("its server answered 404 instead of 200"), start);

        assertThatThrownBy(() -> limits.admit("https://a.example/doc", "203.0.113.1", start.plusSeconds(59)))
                .hasMessageContaining("answered 404").hasMessageContaining("remembered");
        assertThatCode(() -> limits.admit("https://a.example/doc", "203.0.113.1", start.plusSeconds(60))).doesNotThrowAnyException();
    }
}

package io.mcprospero.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolVersionsTest {

    @Test
    void initializeKeepsASupportedLegacyVersionAndOffersTheLatestLegacyOneForAnyOther() {
        assertThat(ProtocolVersions.negotiateLegacy("2025-03-26")).isEqualTo("2025-03-26");
        assertThat(ProtocolVersions.negotiateLegacy("2025-06-18")).isEqualTo("2025-06-18");
        assertThat(ProtocolVersions.negotiateLegacy("2099-01-01")).isEqualTo("2025-11-25");
        // a modern client must not be moved into a session by initialize
        assertThat(ProtocolVersions.negotiateLegacy("2026-07-28")).isEqualTo("2025-11-25");
    }

    @Test
    void everyRevisionIsListedNewestFirstAndBelongsToExactlyOneEra() {
        assertThat(ProtocolVersions.ALL).containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
        assertThat(ProtocolVersions.ALL).allSatisfy(version ->
                assertThat(ProtocolVersions.isModern(version)).isNotEqualTo(ProtocolVersions.isLegacy(version)));
    }
}

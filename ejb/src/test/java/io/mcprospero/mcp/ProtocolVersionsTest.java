package io.mcprospero.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolVersionsTest {

    @Test
    void aSupportedVersionIsKeptAndAnyOtherGetsTheLatest() {
        assertThat(ProtocolVersions.negotiate("2025-03-26")).isEqualTo("2025-03-26");
        assertThat(ProtocolVersions.negotiate("2025-06-18")).isEqualTo("2025-06-18");
        assertThat(ProtocolVersions.negotiate("2099-01-01")).isEqualTo("2025-11-25");
    }
}

package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void onlyAdvertisedScopesAreGranted() {
        assertThat(Scopes.granted("admin:all root mcp")).isEqualTo("mcp");
        assertThat(Scopes.granted("mcp mcp")).isEqualTo("mcp");
    }

    @Test
    void aRequestNamingNoAdvertisedScopeGetsTheDefault() {
        assertThat(Scopes.granted("admin:all root")).isEqualTo("mcp");
        assertThat(Scopes.granted(null)).isEqualTo("mcp");
        assertThat(Scopes.granted("  ")).isEqualTo("mcp");
    }
}

package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1:6274/cb", "http://localhost/cb",
            "http://[::1]:8080/cb", "com.example.app:/oauth"})
    void acceptable(String uri) {
        assertThat(RedirectUris.problemWith(uri)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com/cb", "https://app.example.com/cb#frag", "javascript:alert(1)", "/relative",
            "myapp:/cb", "not a uri"})
    void refused(String uri) {
        assertThat(RedirectUris.problemWith(uri)).isNotBlank();
    }

    @Test
    void matchingIsExactExceptForTheLoopbackPort() {
        assertThat(RedirectUris.matches("https://a.example.com/cb", "https://a.example.com/cb")).isTrue();
        assertThat(RedirectUris.matches("https://a.example.com/cb", "https://a.example.com/cb/")).isFalse();
        assertThat(RedirectUris.matches("https://a.example.com/cb", "https://a.example.com:8443/cb")).isFalse();
        assertThat(RedirectUris.matches("http://127.0.0.1:1234/cb", "http://127.0.0.1:5678/cb")).isTrue();
        assertThat(RedirectUris.matches("http://127.0.0.1:1234/cb", "http://127.0.0.1:5678/other")).isFalse();
        assertThat(RedirectUris.matches("http://127.0.0.1:1234/cb", "http://localhost:1234/cb")).isFalse();
    }
}

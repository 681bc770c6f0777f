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
            "myapp:/cb", "not a uri", "http://evil@127.0.0.1:45123/callback"})
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

    @Test
    void aLoopbackUriMatchesOnlyWhenEverythingButThePortIsTheSame() {
        String registered = "http://127.0.0.1:45123/callback";
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:50000/callback")).isTrue();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1/callback")).isTrue();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:45123/callback#frag")).as("fragment").isFalse();
        assertThat(RedirectUris.matches(registered, "http://evil@127.0.0.1:45123/callback")).as("userinfo").isFalse();
        assertThat(RedirectUris.matches(registered, "http://evil@127.0.0.1:9/callback")).as("userinfo, other port").isFalse();
        assertThat(RedirectUris.matches(registered, "HTTP://127.0.0.1:45123/callback")).as("scheme case").isFalse();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:45123/callback?x=1")).as("query").isFalse();
        assertThat(RedirectUris.matches(registered, "http://127.0.0.1:45123/Callback")).as("path case").isFalse();
        assertThat(RedirectUris.matches("http://[::1]:1/cb", "http://[::1]:2/cb")).isTrue();
        assertThat(RedirectUris.matches("https://a.example.com/cb", "https://a.example.com/cb#x")).isFalse();
    }
}

package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTest {

    @Test
    void theCodeResponseCarriesStateAndIssuerEncoded() {
        assertThat(Redirects.withCode("https://app.example.com/cb", "c0de", "a b&c", "https://mcp.example.com"))
                .isEqualTo("https://app.example.com/cb?code=c0de&state=a+b%26c&iss=https%3A%2F%2Fmcp.example.com");
    }

    @Test
    void anExistingQueryIsKeptAndAMissingStateLeftOut() {
        assertThat(Redirects.withError(new RedirectableError("https://app.example.com/cb?x=1", null, "invalid_request", "no"), "https://i"))
                .isEqualTo("https://app.example.com/cb?x=1&error=invalid_request&error_description=no&iss=https%3A%2F%2Fi");
    }
}

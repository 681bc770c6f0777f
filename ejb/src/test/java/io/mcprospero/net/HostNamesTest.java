package io.mcprospero.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1", "0x7f000001", "2130706433", "[2606:4700::6810:1]", "[::1]", "8.8.8.8", "10.0.0.1."})
    void anAddressIsRefused(String host) {
        assertThat(HostNames.ipLiteralProblem(host)).contains("must name its host by a domain name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude.ai", "app.example.com", "1password.com", "a1.b2.example"})
    void aNameIsAccepted(String host) {
        assertThat(HostNames.ipLiteralProblem(host)).isNull();
    }
}

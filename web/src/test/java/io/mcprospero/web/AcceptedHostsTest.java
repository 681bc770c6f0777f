package io.mcprospero.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptedHostsTest {

    @Test
    void thePublicHostIsAcceptedWithAnyPortAndAnyCase() {
        AcceptedHosts hosts = new AcceptedHosts("https://mcp.example.com", false);
        assertThat(hosts.accepts("mcp.example.com")).isTrue();
        assertThat(hosts.accepts("MCP.example.com:443")).isTrue();
        assertThat(hosts.accepts("mcp.example.com.")).isTrue();
    }

    @Test
    void anyOtherNameIsRefusedAndLoopbackOnlyInLocalMode() {
        AcceptedHosts oidc = new AcceptedHosts("https://mcp.example.com", false);
        assertThat(oidc.accepts("rebind.attacker.example")).isFalse();
        assertThat(oidc.accepts("mcp.example.com.attacker.example")).isFalse();
        assertThat(oidc.accepts("localhost:8080")).isFalse();
        assertThat(oidc.accepts("")).isFalse();
        assertThat(oidc.accepts(null)).isFalse();

        AcceptedHosts local = new AcceptedHosts("http://localhost:8080", true);
        assertThat(local.accepts("localhost:8080")).isTrue();
        assertThat(local.accepts("127.0.0.1:8080")).isTrue();
        assertThat(local.accepts("[::1]:8080")).isTrue();
        assertThat(local.accepts("evil.example:8080")).isFalse();
        assertThat(local.accepts("127.0.0.2:8080")).isFalse();
    }
}

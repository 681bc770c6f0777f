package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentDestinationTest {

    @Test
    void aWebOrLoopbackRedirectIsNamedByItsHost() {
        assertThat(ConsentView.destinationOf("https://claude.ai/api/mcp/auth_callback")).isEqualTo("claude.ai");
        assertThat(ConsentView.destinationOf("http://127.0.0.1:45231/callback")).isEqualTo("127.0.0.1");
    }

    @Test
    void aPrivateUseRedirectIsNamedBySchemeAndPath() {
        assertThat(ConsentView.destinationOf("com.example.app:/cb")).isEqualTo("com.example.app:/cb (an app on your device)");
        assertThat(ConsentView.destinationOf("com.example.app:cb")).isEqualTo("com.example.app:cb (an app on your device)");
    }
}

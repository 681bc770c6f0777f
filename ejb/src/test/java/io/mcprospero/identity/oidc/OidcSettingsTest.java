package io.mcprospero.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static OidcSettings settings(Optional<String> issuer, Optional<String> clientId) {
        return new OidcSettings("https://mcp.example.com/", issuer, clientId, Optional.empty(), "openid email profile",
                "email", "email_verified", "name", Optional.empty(), Optional.empty(), true, Duration.ofSeconds(5));
    }

    @Test
    void oidcModeWithoutIssuerOrClientIdStopsStartUpAndSaysWhichRedirectUriToRegister() {
        assertThatThrownBy(() -> settings(Optional.empty(), Optional.of("mcprospero")).requireComplete())
                .hasMessageContaining("mcprospero.oidc.issuer").hasMessageContaining("https://mcp.example.com/oauth/callback");
        assertThatThrownBy(() -> settings(Optional.of("https://auth.example.com"), Optional.of(" ")).requireComplete())
                .hasMessageContaining("mcprospero.oidc.client-id");
    }

    @Test
    void aCompleteConfigurationPassesAndAnUnsetSecretMeansAPublicClient() {
        OidcSettings complete = settings(Optional.of("https://auth.example.com"), Optional.of("mcprospero"));
        assertThatCode(complete::requireComplete).doesNotThrowAnyException();
        assertThat(complete.clientSecret()).isNull();
        assertThat(complete.callbackUri()).isEqualTo("https://mcp.example.com/oauth/callback");
    }
}

package io.mcprospero.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorCredentialTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsetAdmitsNobody() {
        OperatorCredential credential = new OperatorCredential(Optional.empty());

        assertThat(credential.configured()).isFalse();
        assertThat(credential.admits(basic("prometheus:" + TOKEN))).isFalse();
        assertThat(credential.admits(basic("prometheus:"))).isFalse();
    }

    @Test
    void aBlankTokenIsUnset() {
        assertThat(new OperatorCredential(Optional.of("   ")).configured()).isFalse();
    }

    @Test
    void theTokenAsBasicPasswordIsAdmittedUnderAnyUserName() {
        OperatorCredential credential = new OperatorCredential(Optional.of(TOKEN));

        assertThat(credential.configured()).isTrue();
        assertThat(credential.admits(basic("prometheus:" + TOKEN))).isTrue();
        assertThat(credential.admits(basic(":" + TOKEN))).isTrue();
        assertThat(credential.admits("basic " + Base64.getEncoder().encodeToString(("x:" + TOKEN).getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void anythingElseIsRefused() {
        OperatorCredential credential = new OperatorCredential(Optional.of(TOKEN));

        assertThat(credential.admits(null)).isFalse();
        assertThat(credential.admits("")).isFalse();
        assertThat(credential.admits("Bearer " + TOKEN)).isFalse();
        assertThat(credential.admits(basic(TOKEN))).as("no colon: a user name only").isFalse();
        assertThat(credential.admits(basic(TOKEN + ":x"))).as("the token as user name").isFalse();
        assertThat(credential.admits(basic("prometheus:" + TOKEN + "0"))).isFalse();
        assertThat(credential.admits(basic("prometheus:" + TOKEN.substring(1)))).isFalse();
        assertThat(credential.admits("Basic not*base64")).isFalse();
    }

    @Test
    void aShortTokenFailsWithWhatToDo() {
        assertThatThrownBy(() -> new OperatorCredential(Optional.of("short-secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mcprospero.operations.token must be at least 32 characters")
                .hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining("short-secret");
    }
}

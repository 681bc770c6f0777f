package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityModeTest {

    @Test
    void localAndOidcAreServed() {
        assertThatCode(() -> IdentityMode.requireSupported("local")).doesNotThrowAnyException();
        assertThatCode(() -> IdentityMode.requireSupported("oidc")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherModeFailsStartUpInsteadOfFallingBackToLocalSignIn() {
        assertThatThrownBy(() -> IdentityMode.requireSupported("saml")).hasMessageContaining("mcprospero.identity.mode=saml");
        assertThatThrownBy(() -> IdentityMode.requireSupported("LOCAL")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdentityMode.requireSupported(null)).isInstanceOf(IllegalStateException.class);
    }
}

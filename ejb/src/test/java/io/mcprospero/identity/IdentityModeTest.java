package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityModeTest {

    @Test
    void localIsServed() {
        assertThatCode(() -> IdentityMode.requireSupported("local")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherModeStopsTheStartInsteadOfFallingBackToLocalSignIn() {
        assertThatThrownBy(() -> IdentityMode.requireSupported("oidc")).hasMessageContaining("mcprospero.identity.mode=oidc");
        assertThatThrownBy(() -> IdentityMode.requireSupported("LOCAL")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdentityMode.requireSupported(null)).isInstanceOf(IllegalStateException.class);
    }
}

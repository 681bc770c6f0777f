package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalSignInExposureTest {

    private static LocalAccessCode code(boolean allowRemote, boolean allowRemoteAdmins, String admins) {
        return new LocalAccessCode(Optional.of("code"), "local", allowRemote, allowRemoteAdmins, Optional.ofNullable(admins));
    }

    @Test
    void openToOtherComputersWithPlatformAdminsIsRefused() {
        assertThatThrownBy(() -> code(true, false, "root@example.com").requireSafeExposure())
                .hasMessageContaining("allow-remote=true with platform admins")
                .hasMessageContaining("mcprospero.identity.local.allow-remote-admins=true");
    }

    @Test
    void theNamedRiskOrNoAdminsOrLoopbackOnlyStart() {
        assertThatCode(() -> code(true, true, "root@example.com").requireSafeExposure()).doesNotThrowAnyException();
        assertThatCode(() -> code(true, false, null).requireSafeExposure()).doesNotThrowAnyException();
        assertThatCode(() -> code(false, false, "root@example.com").requireSafeExposure()).doesNotThrowAnyException();
        assertThatCode(() -> new LocalAccessCode(Optional.of("c"), "oidc", true, false, Optional.of("a@example.com")).requireSafeExposure())
                .doesNotThrowAnyException();
    }
}

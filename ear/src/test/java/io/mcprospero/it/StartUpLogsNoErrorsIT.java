package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.ServerUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared server was started like an operator's: its readiness probed every half second while it deployed. Neither
 * start-up nor the probes log an error: no SEVERE line (Payara logged one for a data-source statement cache it could
 * not build) and no health check that threw because it was asked before the application's config was bound.
 */
class StartUpLogsNoErrorsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void noSevereLineAndNoFailedHealthCheck() {
        List<String> lines = server.logText().lines().toList();

        assertThat(lines).filteredOn(line -> line.contains("\"SEVERE\"")).isEmpty();
        assertThat(lines).filteredOn(line -> line.contains("Exception executing HealthCheck")).isEmpty();
        assertThat(lines).anyMatch(line -> line.contains("MCProspero started"));
    }

    /**
     * Payara's phone-home is off in the uberjar's own settings; Hazelcast's reads a system property when its node
     * starts, so the uberjar sets it before boot (a pre-boot command came too late: Hazelcast still posted its data).
     */
    @Test
    void hazelcastDoesNotCallHome() throws Exception {
        assertThat(server.systemProperties().lines()).contains("hazelcast.phone.home.enabled=false");
    }

    @Test
    void theLogSaysPlainlyThatTheAccessCodeSignsInAsAnyone() {
        assertThat(server.logText()).contains("Local sign-in: whoever holds the access code signs in as ANY email address, "
                + "platform admins included. It answers this computer only.");
    }
}

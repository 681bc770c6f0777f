package io.mcprospero.web.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupListenerTest {

    @Test
    void theFirstLineOfAFailedStartCarriesEveryCauseOnce() {
        IllegalStateException failure = new IllegalStateException("a signing key in the database cannot be read: signing key k1 "
                + "cannot be decrypted: the row was altered",
                new IllegalStateException("signing key k1 cannot be decrypted: the row was altered",
                        new javax.crypto.AEADBadTagException("Tag mismatch")));

        assertThat(StartupListener.causes(failure)).isEqualTo("a signing key in the database cannot be read: signing key k1 "
                + "cannot be decrypted: the row was altered: Tag mismatch");
    }

    @Test
    void aFailureWithoutAMessageStillSaysSomething() {
        assertThat(StartupListener.causes(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void onlyPayaraMicroIsTheApplicationsOwnProcess() {
        assertThat(StartupListener.isPayaraMicro("Payara Micro 6.2025.10 #badassmicrofish")).isTrue();
        assertThat(StartupListener.isPayaraMicro("Payara Server  6.2025.9 #badassfish")).isFalse();
        assertThat(StartupListener.isPayaraMicro(null)).isFalse();
    }
}

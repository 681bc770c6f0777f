package io.mcprospero.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.datakeys.DataKeyCache;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.integrations.oauth.Pkce;
import io.mcprospero.kms.LocalKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pending connect request's PKCE verifier opens for its own org and request only, and is nowhere in clear in its envelope. */
class SealedVerifierIsBoundToItsRequestTest {

    private static final String ORG = "0b9a3a8e-0000-4000-8000-000000000001";
    private static final String OTHER_ORG = "0b9a3a8e-0000-4000-8000-000000000002";
    private static final String LINK = "5e0c".repeat(16);

    @TempDir
    Path directory;

    private SealedVerifiers verifiers() {
        return new SealedVerifiers(new DataKeys(LocalKeyFile.open(directory.resolve("master.key")),
                new DataKeyCache(100, Duration.ofMinutes(5), 1000, Clock.systemUTC())));
    }

    @Test
    void itOpensForItsOwnOrgAndRequest() {
        SealedVerifiers verifiers = verifiers();
        String verifier = Pkce.newVerifier();

        Envelope sealed = verifiers.seal(ORG, LINK, verifier);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(verifier);
        assertThat(verifiers.open(ORG, LINK, sealed)).isEqualTo(verifier);
    }

    @Test
    void itDoesNotOpenForAnotherRequestOrAnotherOrg() {
        SealedVerifiers verifiers = verifiers();
        Envelope sealed = verifiers.seal(ORG, LINK, Pkce.newVerifier());

        assertThatThrownBy(() -> verifiers.open(ORG, "77aa".repeat(16), sealed)).isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("ask in the conversation for a new connect link");
        assertThatThrownBy(() -> verifiers.open(OTHER_ORG, LINK, sealed)).isInstanceOf(SecretUnreadable.class);
    }
}

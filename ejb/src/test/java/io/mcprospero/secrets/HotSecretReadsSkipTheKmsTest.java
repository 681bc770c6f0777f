package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.persistence.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A thousand reads of ten hot secrets cost at most one KMS call per secret, thanks to the data key cache. */
class HotSecretReadsSkipTheKmsTest {

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void aThousandReadsOfTenHotSecretsCallTheKmsAtMostTenTimes(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            for (int i = 0; i < 10; i++) {
                world.secrets.put(org, "secret-" + i, SecretKind.API_KEY, ("value-" + i).getBytes(StandardCharsets.UTF_8));
            }
            SecretsWorld writer = world;
            SecretsWorld reader = world.anotherInstance();
            int writerCallsBefore = writer.keys.calls();

            for (int read = 0; read < 1000; read++) {
                int i = read % 10;
                assertThat(writer.secrets.get(org, "secret-" + i)).hasValueSatisfying(value ->
                        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("value-" + i));
                assertThat(reader.secrets.get(org, "secret-" + i)).isPresent();
            }

            assertThat(writer.keys.calls() - writerCallsBefore).as("KMS calls of the instance that wrote them").isZero();
            assertThat(reader.keys.calls()).as("KMS calls of an instance that starts cold").isEqualTo(10);
        }
    }
}

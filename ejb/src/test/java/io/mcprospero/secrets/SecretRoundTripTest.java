package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.testing.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A stored secret reads back exactly, at every size up to the limit, on both databases and both key services. */
class SecretRoundTripTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void emptyOneByte64KibAnd1MibSecretsReadBackExactly(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            for (int size : new int[] {0, 1, 64 * 1024, 1024 * 1024}) {
                byte[] value = random(size);

                world.secrets.put(org, "blob-" + size, SecretKind.API_KEY, value);

                assertThat(world.secrets.get(org, "blob-" + size)).hasValueSatisfying(read -> assertThat(read).isEqualTo(value));
                assertThat(world.anotherInstance().secrets.get(org, "blob-" + size))
                        .hasValueSatisfying(read -> assertThat(read).isEqualTo(value));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void theDatabaseHoldsNoPlaintextAndOnlyAnEncryptedDataKey(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            byte[] token = "ya29.a0-refresh-token-of-alice".getBytes(StandardCharsets.UTF_8);

            world.secrets.put(org, "google:alice@example.com", SecretKind.OAUTH_TOKEN, token);

            SecretsWorld.Row row = world.row(org, "google:alice@example.com");
            assertThat(Bytes.contains(row.ciphertext(), token)).isFalse();
            assertThat(row.ciphertext()).hasSize(token.length + 16);
            assertThat(row.nonce()).hasSize(12);
            assertThat(row.kind()).isEqualTo("OAUTH_TOKEN");
            for (byte[] plainKey : world.keys.plainKeys()) {
                assertThat(Bytes.contains(row.encryptedDataKey(), plainKey)).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void puttingAgainReplacesTheValueUnderANewDataKey(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes("xoxb-first"));
            SecretsWorld.Row first = world.row(org, "slack");

            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes("xoxb-second"));

            assertThat(world.secrets.get(org, "slack")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("xoxb-second")));
            SecretsWorld.Row second = world.row(org, "slack");
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.encryptedDataKey()).isNotEqualTo(first.encryptedDataKey());
            assertThat(second.nonce()).isNotEqualTo(first.nonce());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void secretsAreListedAndDeletedPerOrg(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String acme = world.newOrg("Acme");
            String globex = world.newOrg("Globex");
            world.secrets.put(acme, "slack", SecretKind.OAUTH_TOKEN, bytes("xoxb-acme"));
            world.secrets.put(acme, "hook", SecretKind.WEBHOOK_SECRET, bytes("whsec-acme"));
            world.secrets.put(globex, "slack", SecretKind.OAUTH_TOKEN, bytes("xoxb-globex"));

            assertThat(world.secrets.list(acme)).extracting(SecretInfo::name, SecretInfo::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("hook", SecretKind.WEBHOOK_SECRET),
                            org.assertj.core.groups.Tuple.tuple("slack", SecretKind.OAUTH_TOKEN));
            assertThat(world.secrets.list(acme)).allSatisfy(info -> assertThat(info.createdAt()).isNotNull().isEqualTo(info.updatedAt()));
            assertThat(world.secrets.get(globex, "hook")).isEmpty();
            assertThat(world.secrets.get(globex, "slack")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("xoxb-globex")));

            assertThat(world.secrets.delete(acme, "slack")).isTrue();
            assertThat(world.secrets.delete(acme, "slack")).isFalse();

            assertThat(world.secrets.get(acme, "slack")).isEmpty();
            assertThat(world.secrets.get(globex, "slack")).isPresent();
            assertThat(world.secrets.list(acme)).extracting(SecretInfo::name).containsExactly("hook");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void invalidInputIsRefusedBeforeAnythingIsEncrypted(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");

            assertThatThrownBy(() -> world.secrets.put(org, "big", SecretKind.API_KEY, new byte[SecretsBackend.MAX_VALUE_BYTES + 1]))
                    .isInstanceOf(InvalidInput.class).hasMessage("a secret value must be at most 1048576 bytes; this one has 1048577");
            assertThatThrownBy(() -> world.secrets.put(org, " padded ", SecretKind.API_KEY, bytes("x")))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("without leading or trailing spaces");
            assertThatThrownBy(() -> world.secrets.put(org, "no-kind", null, bytes("x")))
                    .isInstanceOf(InvalidInput.class).hasMessage("a secret kind must be given");
            assertThat(world.keys.calls()).isZero();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

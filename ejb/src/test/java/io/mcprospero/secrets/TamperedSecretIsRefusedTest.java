package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.support.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row altered behind the application's back never decrypts to garbage or to another row's plaintext: it
 * fails with {@link SecretUnreadable}, whose message names the secret but carries nothing of its value.
 * Each case reads through a second application instance too, whose cache is cold, so the KMS decides.
 */
class TamperedSecretIsRefusedTest {

    private static final String TOKEN = "xoxb-1234-acme-slack-token";
    private static final String OTHER_TOKEN = "ya29.globex-google-token";

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void aFlippedCiphertextByteIsRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));
            flipBit(world, world.row(org, "slack").id(), "ciphertext", world.row(org, "slack").ciphertext(), 3);

            assertRefused(world, org, "slack").hasMessageContaining("(the row was altered)");
            assertRefused(world.anotherInstance(), org, "slack");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void aFlippedNonceByteIsRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));
            flipBit(world, world.row(org, "slack").id(), "nonce", world.row(org, "slack").nonce(), 0);

            assertRefused(world, org, "slack");
            assertRefused(world.anotherInstance(), org, "slack");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void dataKeysSwappedBetweenTwoRowsAreRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));
            world.secrets.put(org, "google", SecretKind.OAUTH_TOKEN, bytes(OTHER_TOKEN));
            SecretsWorld.Row slack = world.row(org, "slack");
            SecretsWorld.Row google = world.row(org, "google");
            world.database.execute("UPDATE secrets SET encrypted_data_key = ? WHERE id = ?", google.encryptedDataKey(), slack.id());
            world.database.execute("UPDATE secrets SET encrypted_data_key = ? WHERE id = ?", slack.encryptedDataKey(), google.id());

            assertRefused(world, org, "slack").hasMessageNotContaining(OTHER_TOKEN);
            assertRefused(world, org, "google").hasMessageNotContaining(TOKEN);
            assertRefused(world.anotherInstance(), org, "slack");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void aWholeRowCopiedToAnotherOrgIsRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String acme = world.newOrg("Acme");
            String globex = world.newOrg("Globex");
            world.secrets.put(acme, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));
            world.database.execute("INSERT INTO secrets (id, org_id, name, kind, ciphertext, nonce, encrypted_data_key, key_id, "
                    + "created_at, updated_at, wrapped_at, version) SELECT 'copied-row', ?, name, kind, ciphertext, nonce, "
                    + "encrypted_data_key, key_id, created_at, updated_at, wrapped_at, version FROM secrets WHERE org_id = ?", globex, acme);

            assertRefused(world, globex, "slack").hasMessageContaining("of org " + globex);
            assertRefused(world.anotherInstance(), globex, "slack");
            assertThat(world.secrets.get(acme, "slack")).hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes(TOKEN)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void aRowRenamedOrReKindedIsRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));
            world.secrets.put(org, "hook", SecretKind.WEBHOOK_SECRET, bytes(OTHER_TOKEN));
            world.database.execute("UPDATE secrets SET name = 'slack-renamed' WHERE org_id = ? AND name = 'slack'", org);
            world.database.execute("UPDATE secrets SET kind = 'API_KEY' WHERE org_id = ? AND name = 'hook'", org);

            assertRefused(world, org, "slack-renamed");
            assertRefused(world, org, "hook");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void anotherInstallationsMasterKeyIsRefused(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            world.secrets.put(org, "slack", SecretKind.OAUTH_TOKEN, bytes(TOKEN));

            SecretsWorld elsewhere = world.withAnotherInstallationsMasterKey();

            assertRefused(elsewhere, org, "slack")
                    .hasMessageContaining("this server's master key is not the one it was written with")
                    .satisfies(e -> assertThat(((SecretUnreadable) e).detail()).isNotBlank());
        }
    }

    /** The read fails with SecretUnreadable, naming the secret, without the value in any encoding. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(SecretsWorld world, String org, String name) {
        byte[] token = bytes(TOKEN);
        byte[] other = bytes(OTHER_TOKEN);
        return assertThatThrownBy(() -> world.secrets.get(org, name))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("secret '" + name + "' of org " + org)
                .hasMessageContaining("Store it again")
                .hasMessageNotContaining("arn:aws:kms").hasMessageNotContaining("master.key")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(OTHER_TOKEN)
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(token))
                .hasMessageNotContaining(HexFormat.of().formatHex(token))
                .hasMessageNotContaining(HexFormat.of().formatHex(other))
                .hasMessageNotContaining(Hashes.sha256Hex(TOKEN));
    }

    /** Flips one bit of a binary column behind the application's back. */
    private static void flipBit(SecretsWorld world, String rowId, String column, byte[] value, int index) {
        value[index] ^= 0x01;
        world.database.execute("UPDATE secrets SET " + column + " = ? WHERE id = ?", value, rowId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

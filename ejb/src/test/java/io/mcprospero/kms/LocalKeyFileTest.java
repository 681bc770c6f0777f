package io.mcprospero.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded key management's master key file: created safely on first start, kept across restarts and rotations. */
class LocalKeyFileTest {

    private static final EncryptionContext ACME = EncryptionContext.ofOrg("org-acme");

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartCreatesAKeyFileThatOnlyItsOwnerCanRead() throws IOException {
        Path file = dataDir.resolve("keys").resolve("master.key");

        LocalKeyFile keys = LocalKeyFile.open(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(keys.currentKeyId()).matches("local-1-[0-9a-f]{8}");
        assertThat(Files.readAllLines(file)).filteredOn(line -> !line.startsWith("#")).hasSize(1);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aRestartReadsTheSameKeys() {
        Path file = dataDir.resolve("keys").resolve("master.key");
        DataKey key = LocalKeyFile.open(file).generateDataKey(ACME);

        LocalKeyFile restarted = LocalKeyFile.open(file);

        assertThat(restarted.decryptDataKey(key.encrypted(), ACME)).isEqualTo(key.plaintext());
    }

    @Test
    void rotationAddsAVersionToTheFileAndKeepsTheOldOnesReadable() throws IOException {
        Path file = dataDir.resolve("keys").resolve("master.key");
        LocalKeyFile keys = LocalKeyFile.open(file);
        String first = keys.currentKeyId();
        DataKey before = keys.generateDataKey(ACME);

        String second = keys.rotateMasterKey();
        LocalKeyFile restarted = LocalKeyFile.open(file);

        assertThat(second).startsWith("local-2-").isEqualTo(restarted.currentKeyId());
        assertThat(restarted.decryptDataKey(before.encrypted(), ACME)).isEqualTo(before.plaintext());
        assertThat(restarted.generateDataKey(ACME).encrypted().keyId()).isEqualTo(second);
        assertThat(Files.readAllLines(file)).filteredOn(line -> !line.startsWith("#"))
                .extracting(line -> line.substring(0, line.indexOf('='))).containsExactly(first, second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aKeyFileWhoseKeyWasReplacedRefusesTheDataKeys() throws IOException {
        Path file = dataDir.resolve("keys").resolve("master.key");
        LocalKeyFile keys = LocalKeyFile.open(file);
        DataKey key = keys.generateDataKey(ACME);
        String id = keys.currentKeyId();
        Files.write(file, List.of(id + "=" + Base64.getEncoder().encodeToString(new byte[32])), StandardCharsets.US_ASCII);

        LocalKeyFile replaced = LocalKeyFile.open(file);

        assertThatThrownBy(() -> replaced.decryptDataKey(key.encrypted(), ACME))
                .isInstanceOf(DataKeyRefused.class)
                .hasMessage("master key " + id + " refused the data key: it was encrypted for another encryption context, or altered");
    }

    @Test
    void aMalformedKeyFileIsReportedWithoutItsContent() throws IOException {
        Path file = dataDir.resolve("master.key");
        String material = Base64.getEncoder().encodeToString(new byte[20]);
        Files.writeString(file, "local-1-00000000=" + material + "\n");

        assertThatThrownBy(() -> LocalKeyFile.open(file))
                .isInstanceOf(KeyManagementUnavailable.class)
                .hasMessageContaining("has a malformed key line (1. key)")
                .hasMessageNotContaining(material);
    }

    @Test
    void anUnreadableKeyFileMakesKeyManagementUnavailable() throws IOException {
        Path directoryInTheWay = Files.createDirectories(dataDir.resolve("master.key"));

        assertThatThrownBy(() -> LocalKeyFile.open(directoryInTheWay))
                .isInstanceOf(KeyManagementUnavailable.class)
                .hasMessageContaining("cannot be read or created");
    }
}

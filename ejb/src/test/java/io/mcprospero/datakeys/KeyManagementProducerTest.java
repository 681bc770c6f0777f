package io.mcprospero.datakeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.KmsStandIn;
import io.mcprospero.kms.LocalKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mcprospero.kms.mode chooses the adapter, and a missing or wrong setting is reported in words. */
class KeyManagementProducerTest {

    private final KeyManagementProducer producer = new KeyManagementProducer();

    @TempDir
    Path dataDir;

    @Test
    void localModeKeepsTheMasterKeyInTheDataDirectory() {
        KeyManagement keys = producer.keyManagement("local", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThat(keys).isInstanceOf(LocalKeyFile.class);
        assertThat(dataDir.resolve("keys").resolve("master.key")).isRegularFile();
    }

    @Test
    void localModeUsesAnExplicitKeyFile() {
        Path file = dataDir.resolve("elsewhere").resolve("mcprospero.key");

        producer.keyManagement("local", dataDir.toString(), Optional.of(file.toString()), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(file).isRegularFile();
        assertThat(Files.exists(dataDir.resolve("keys"))).isFalse();
    }

    @Test
    void awsModeConnectsToTheConfiguredKey() {
        try (KmsStandIn kms = KmsStandIn.start()) {
            System.setProperty("aws.accessKeyId", "AKIDSTANDIN");
            System.setProperty("aws.secretAccessKey", "stand-in-secret");
            String arn = kms.createKey("configured");

            KeyManagement keys = producer.keyManagement("aws", dataDir.toString(), Optional.empty(), Optional.of("alias/configured"),
                    Optional.of(KmsStandIn.REGION), Optional.of(kms.endpoint().toString()));

            assertThat(keys.generateDataKey(EncryptionContext.ofOrg("acme")).encrypted().keyId()).isEqualTo(arn);
            producer.close(keys);
        }
    }

    @Test
    void awsModeWithoutAKeyIdSaysWhatToSet() {
        assertThatThrownBy(() -> producer.keyManagement("aws", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mcprospero.kms.mode=aws needs mcprospero.kms.key-id: the id, ARN or alias of a symmetric KMS key");
    }

    @Test
    void anUnknownModeSaysWhichOnesExist() {
        assertThatThrownBy(() -> producer.keyManagement("vault", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mcprospero.kms.mode must be 'local' or 'aws'; got 'vault'");
    }
}

package io.mcprospero.datakeys;

import io.mcprospero.kms.AwsKmsSdk;
import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.LocalKeyFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the {@link KeyManagement} adapter by {@code mcprospero.kms.mode}: {@code local} or {@code aws}. */
@ApplicationScoped
public class KeyManagementProducer {

    private static final Logger LOG = Logger.getLogger(KeyManagementProducer.class.getName());

    @Produces
    @ApplicationScoped
    KeyManagement keyManagement(@ConfigProperty(name = "mcprospero.kms.mode") String mode,
                                @ConfigProperty(name = "mcprospero.data-dir") String dataDir,
                                @ConfigProperty(name = "mcprospero.kms.local.key-file") Optional<String> keyFile,
                                @ConfigProperty(name = "mcprospero.kms.key-id") Optional<String> keyId,
                                @ConfigProperty(name = "mcprospero.kms.region") Optional<String> region,
                                @ConfigProperty(name = "mcprospero.kms.endpoint") Optional<String> endpoint) {
        switch (mode.strip()) {
            case "local" -> {
                Path file = keyFile.filter(value -> !value.isBlank()).map(Path::of)
                        .orElseGet(() -> Path.of(dataDir).resolve("keys").resolve("master.key"))
                        .toAbsolutePath().normalize();
                LocalKeyFile keys = LocalKeyFile.open(file);
                LOG.info(() -> "key management: local master key file " + file + ", current key " + keys.currentKeyId());
                return keys;
            }
            case "aws" -> {
                String key = keyId.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "mcprospero.kms.mode=aws needs mcprospero.kms.key-id: the id, ARN or alias of a symmetric KMS key"));
                LOG.info(() -> "key management: AWS KMS key " + key + region.map(name -> " in " + name).orElse("")
                        + endpoint.map(url -> " at " + url).orElse(""));
                return ProviderLibraries.load(AwsKmsSdk.class).connect(key, region.filter(value -> !value.isBlank()), endpoint.filter(value -> !value.isBlank()));
            }
            default -> throw new IllegalStateException("mcprospero.kms.mode must be 'local' or 'aws'; got '" + mode + "'");
        }
    }

    void close(@Disposes KeyManagement keys) {
        keys.close();
    }
}

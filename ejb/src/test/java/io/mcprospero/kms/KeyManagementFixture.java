package io.mcprospero.kms;

import io.mcprospero.kms.aws.AwsKms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One of the two {@link KeyManagement} adapters, set up for a test: the local key file in a temporary
 * directory, or {@link AwsKms} through the real AWS SDK against a {@link KmsStandIn}. Contract tests run the
 * same cases against both.
 */
public abstract class KeyManagementFixture implements AutoCloseable {

    public enum Kind {
        LOCAL("local key file"),
        AWS("AWS KMS (stand-in)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public KeyManagementFixture open() {
            return this == LOCAL ? new Local() : new Aws();
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @Override
    public abstract void close();

    /** The adapter under test. */
    public abstract KeyManagement keys();

    /**
     * Makes a new master key version current the way an operator would before re-wrapping: with the local key
     * file that is part of the re-wrap itself ({@link KeyManagement#rotateMasterKey}), with KMS it is KMS's own
     * key rotation.
     */
    public abstract void rotateOutsideTheApplication();

    /**
     * The adapter of another installation: same kind, different master key. (With the KMS stand-in, the key
     * material behind the alias is replaced, so {@link #keys()} then uses the other key too.)
     */
    public abstract KeyManagement anotherInstallation();

    public static final class Local extends KeyManagementFixture {
        private final Path directory;
        private final LocalKeyFile keys;

        Local() {
            try {
                directory = Files.createTempDirectory("mcprospero-keys");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys = LocalKeyFile.open(directory.resolve("keys").resolve("master.key"));
        }

        public Path keyFile() {
            return directory.resolve("keys").resolve("master.key");
        }

        @Override
        public KeyManagement keys() {
            return keys;
        }

        @Override
        public void rotateOutsideTheApplication() {
            // the local key file rotates when the application asks it to
        }

        @Override
        public KeyManagement anotherInstallation() {
            return LocalKeyFile.open(directory.resolve("other").resolve("master.key"));
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final class Aws extends KeyManagementFixture {
        public static final String ALIAS = "mcprospero-test";

        static {
            // the SDK's default credentials chain reads these first; the stand-in only insists on a signature
            System.setProperty("aws.accessKeyId", "AKIDSTANDIN");
            System.setProperty("aws.secretAccessKey", "stand-in-secret");
        }

        private final KmsStandIn kms = KmsStandIn.start();
        private final String keyArn = kms.createKey(ALIAS);
        private final AwsKms keys = connect(kms.endpoint().toString());
        private AwsKms other;

        public static AwsKms connect(String endpoint) {
            return AwsKms.connect("alias/" + ALIAS, Optional.of(KmsStandIn.REGION), Optional.of(endpoint));
        }

        public KmsStandIn kms() {
            return kms;
        }

        public String keyArn() {
            return keyArn;
        }

        @Override
        public KeyManagement keys() {
            return keys;
        }

        @Override
        public void rotateOutsideTheApplication() {
            kms.rotate("alias/" + ALIAS);
        }

        @Override
        public KeyManagement anotherInstallation() {
            kms.replaceKeyMaterial("alias/" + ALIAS);
            other = connect(kms.endpoint().toString());
            return other;
        }

        @Override
        public void close() {
            keys.close();
            if (other != null) {
                other.close();
            }
            kms.close();
        }
    }
}

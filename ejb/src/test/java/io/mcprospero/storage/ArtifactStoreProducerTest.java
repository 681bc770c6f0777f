package io.mcprospero.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.artifacts.ArtifactStore;
import io.mcprospero.artifacts.FileArtifacts;
import io.mcprospero.artifacts.s3.S3Artifacts;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mcprospero.artifacts.mode chooses the adapter, and a missing or wrong setting is reported in words. */
class ArtifactStoreProducerTest {

    private final ArtifactStoreProducer producer = new ArtifactStoreProducer();

    @TempDir
    Path dataDir;

    @Test
    void fileModeKeepsArtifactsUnderTheDataDirectory() {
        ArtifactStore store = producer.artifactStore("file", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);

        store.put("transcripts/o/r", new byte[] {1});

        assertThat(store).isInstanceOf(FileArtifacts.class);
        assertThat(dataDir.resolve("artifacts/transcripts/o/r")).isRegularFile();
    }

    @Test
    void s3ModeNeedsABucketAndUsesIt() {
        assertThatThrownBy(() -> producer.artifactStore("s3", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.of("eu-west-1"),
                Optional.empty(), false)).hasMessageContaining("needs mcprospero.artifacts.bucket");

        ArtifactStore store = producer.artifactStore("s3", dataDir.toString(), Optional.empty(), Optional.of("runs-bucket"),
                Optional.of("eu-west-1"), Optional.of("http://127.0.0.1:9"), true);

        assertThat(store).isInstanceOf(S3Artifacts.class);
        assertThat(store.describe()).isEqualTo("S3 bucket runs-bucket");
        ((S3Artifacts) store).close();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> producer.artifactStore("ftp", dataDir.toString(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false)).hasMessage("mcprospero.artifacts.mode must be 'file' or 's3'; got 'ftp'");
    }
}

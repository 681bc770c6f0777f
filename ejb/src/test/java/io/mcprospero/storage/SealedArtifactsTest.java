package io.mcprospero.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.artifacts.FileArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What leaves for the artifact store is sealed, bound to its org and key, and opens only as it was written. */
class SealedArtifactsTest {

    private static final byte[] SECRET_TEXT = "the model read: invoice 4711 for ACME".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private SealedArtifacts artifacts() {
        return new SealedArtifacts(new FileArtifacts(root));
    }

    @Test
    void contentRoundTripsAndTheStoreHoldsNoReadableByte() throws IOException {
        SealedArtifact artifact = artifacts().put("org-a", "transcripts/org-a/run-1", null, SECRET_TEXT);

        assertThat(artifacts().open("org-a", artifact)).isEqualTo(SECRET_TEXT);
        String stored = Files.readString(root.resolve("transcripts/org-a/run-1"), StandardCharsets.ISO_8859_1);
        assertThat(stored).startsWith("MCPA1").doesNotContain("invoice").doesNotContain("ACME");
        assertThat(artifact.contentKey()).hasSize(32);
    }

    @Test
    void aRewriteWithTheSameContentKeyOpensWithIt() {
        SealedArtifact first = artifacts().put("org-a", "transcripts/org-a/run-1", null, "one".getBytes(StandardCharsets.UTF_8));

        SealedArtifact second = artifacts().put("org-a", "transcripts/org-a/run-1", first.contentKey(), SECRET_TEXT);

        assertThat(second.contentKey()).isEqualTo(first.contentKey());
        assertThat(artifacts().open("org-a", first)).isEqualTo(SECRET_TEXT);
    }

    @Test
    void anotherOrgCannotOpenIt() {
        SealedArtifact artifact = artifacts().put("org-a", "transcripts/org-a/run-1", null, SECRET_TEXT);

        assertThatThrownBy(() -> artifacts().open("org-b", artifact)).isInstanceOf(ArtifactUnreadable.class)
                .hasMessageContaining("belongs to another org or key");
    }

    @Test
    void anArtifactCopiedUnderAnotherKeyDoesNotOpen() throws IOException {
        SealedArtifact artifact = artifacts().put("org-a", "transcripts/org-a/run-1", null, SECRET_TEXT);
        Files.createDirectories(root.resolve("transcripts/org-a"));
        Files.copy(root.resolve("transcripts/org-a/run-1"), root.resolve("transcripts/org-a/run-2"));

        assertThatThrownBy(() -> artifacts().open("org-a", new SealedArtifact("transcripts/org-a/run-2", artifact.contentKey())))
                .isInstanceOf(ArtifactUnreadable.class);
    }

    @Test
    void anAlteredOrMissingArtifactIsRefusedSayingWhy() throws IOException {
        SealedArtifact artifact = artifacts().put("org-a", "transcripts/org-a/run-1", null, SECRET_TEXT);
        Path file = root.resolve("transcripts/org-a/run-1");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> artifacts().open("org-a", artifact)).hasMessageContaining("altered");
        Files.write(file, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> artifacts().open("org-a", artifact)).hasMessageContaining("not a sealed artifact");
        Files.delete(file);
        assertThatThrownBy(() -> artifacts().open("org-a", artifact)).hasMessageContaining("missing from the artifact store");
    }
}

package io.mcprospero.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArtifactsTest extends ArtifactStoreContract {

    @TempDir
    Path root;

    @Override
    ArtifactStore store() {
        return new FileArtifacts(root);
    }

    @Test
    void contentIsAFileAtTheKeysPathAndNoPartialFileStays() throws IOException {
        store().put("transcripts/org-1/run-1", new byte[] {7, 8});

        assertThat(Files.readAllBytes(root.resolve("transcripts/org-1/run-1"))).containsExactly(7, 8);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve("transcripts/org-1/run-1"));
        }
    }
}

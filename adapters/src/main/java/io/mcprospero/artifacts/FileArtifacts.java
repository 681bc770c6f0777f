package io.mcprospero.artifacts;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The embedded artifact store: one file per key under a directory (by default {@code artifacts/} in the data
 * directory). A write goes to a temporary file first and is moved into place, so a reader never sees half a file.
 */
public final class FileArtifacts implements ArtifactStore {

    private final Path root;

    public FileArtifacts(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content) {
        Path file = fileOf(key);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try {
                Files.write(partial, content);
                try {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new ArtifactStoreUnavailable("the artifact " + key + " cannot be written under " + root + ": " + e, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(fileOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ArtifactStoreUnavailable("the artifact " + key + " cannot be read under " + root + ": " + e, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new ArtifactStoreUnavailable("the artifact " + key + " cannot be deleted under " + root + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return "files under " + root;
    }

    private Path fileOf(String key) {
        return root.resolve(ArtifactKeys.checked(key));
    }
}

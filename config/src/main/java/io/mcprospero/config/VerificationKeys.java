package io.mcprospero.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.Config;

/**
 * The public signing keys (a JWK set) that MP-JWT verifies bearer tokens with. The authorization server
 * writes them to {@code <data-dir>/keys/jwks.json} whenever it loads or rotates its keys (from the shared
 * database, so every instance has the same set); MP-JWT reads that file through
 * {@code mp.jwt.verify.publickey.location}. A file and not a config value, because MP-JWT caches what it
 * read at deployment, before the keys exist on a first start.
 */
public final class VerificationKeys {

    private VerificationKeys() {
    }

    static Path file(Config config) {
        return DerivedConfigSource.dataDir(config).resolve("keys").resolve("jwks.json");
    }

    /** Writes the key set atomically, so that MP-JWT never reads half a file. */
    public static void publish(Config config, String jwkSetJson) {
        Path target = file(config);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "jwks", ".tmp");
            Files.writeString(temporary, jwkSetJson, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verification keys to " + target, e);
        }
    }
}

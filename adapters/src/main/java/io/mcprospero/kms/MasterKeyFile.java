package io.mcprospero.kms;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local master keys on disk: one line per version ({@code local-1-9f2c4a1b=<base64>}), readable and
 * writable by the owner only. Every write goes to a temporary file first and then replaces the file in one
 * atomic step, so a crash never leaves half a key file.
 */
final class MasterKeyFile {

    private static final Logger LOG = Logger.getLogger(MasterKeyFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String HEADER = """
            # MCProspero's local master keys. The newest line encrypts new data keys; every line decrypts.
            # Without this file no stored secret can be read: back it up, apart from the database backups.
            """;

    private MasterKeyFile() {
    }

    /** The keys in the file, oldest first; on first start, a new file with one key. */
    static List<MasterKey> loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                createFirst(file);
            }
            warnIfReadableByOthers(file);
            return parse(file, Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new KeyManagementUnavailable("the local master key file " + file + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /** Replaces the file with these keys, atomically. */
    static void write(Path file, Collection<MasterKey> keys) {
        try {
            Path temporary = writeTemporary(file, keys);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new KeyManagementUnavailable("the local master key file " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static void createFirst(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
                    : new FileAttribute<?>[0]);
        }
        Path temporary = writeTemporary(file, List.of(MasterKey.generate(1)));
        try {
            // a hard link never replaces an existing file: if another process created the key file meanwhile,
            // its key wins and ours is dropped before it encrypted anything
            Files.createLink(file, temporary);
            LOG.info(() -> "created the local master key file " + file);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            LOG.fine(() -> "the local master key file " + file + " was created by another process");
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path writeTemporary(Path file, Collection<MasterKey> keys) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (MasterKey key : keys) {
            text.append(key.id()).append('=').append(Base64.getEncoder().encodeToString(key.key().getEncoded())).append('\n');
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = posix()
                ? Files.createTempFile(directory, ".master-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".master-key-", ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.US_ASCII.encode(text.toString()));
            channel.force(true);
        }
        return temporary;
    }

    private static List<MasterKey> parse(Path file, List<String> lines) {
        List<MasterKey> keys = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int separator = entry.indexOf('=');
            try {
                String id = entry.substring(0, separator);
                byte[] material = Base64.getDecoder().decode(entry.substring(separator + 1));
                if (material.length != 32) {
                    throw new IllegalArgumentException("not a 256-bit key");
                }
                keys.add(new MasterKey(MasterKey.versionOf(id), id, new SecretKeySpec(material, "AES")));
            } catch (RuntimeException e) {
                // the message names the line's position only: the line holds key material
                throw new KeyManagementUnavailable("the local master key file " + file + " has a malformed key line ("
                        + (keys.size() + 1) + ". key)", null);
            }
        }
        if (keys.isEmpty()) {
            throw new KeyManagementUnavailable("the local master key file " + file + " holds no key", null);
        }
        keys.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return keys;
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (posix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warning(() -> "the local master key file " + file + " is accessible to other users; restrict it with chmod 600");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

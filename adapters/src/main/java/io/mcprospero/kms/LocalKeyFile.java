package io.mcprospero.kms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * The embedded default key management: master keys in a local file (see {@link MasterKeyFile}), data keys
 * wrapped with AES-256-GCM under the newest one, the encryption context bound as additional data. Good for
 * one instance on one machine; anyone who holds both the file and the database can read every secret, so
 * production uses {@link AwsKms}.
 *
 * <p>An encrypted data key is {@code [format][id length][master key id][nonce][wrapped key + tag]}; the
 * header is authenticated too, so the master key id cannot be swapped.
 */
public final class LocalKeyFile implements KeyManagement {

    private static final byte FORMAT = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile List<MasterKey> keys;

    private LocalKeyFile(Path file, List<MasterKey> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    /** Opens the key file, creating it with a first master key if it does not exist yet. */
    public static LocalKeyFile open(Path file) {
        return new LocalKeyFile(file, MasterKeyFile.loadOrCreate(file));
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        byte[] plaintext = new byte[DataKey.LENGTH_BYTES];
        RANDOM.nextBytes(plaintext);
        return new DataKey(plaintext, wrap(plaintext, context, current()));
    }

    @Override
    public byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context) {
        byte[] blob = key.ciphertext();
        String masterKeyId = masterKeyIdOf(blob);
        if (!masterKeyId.equals(key.keyId())) {
            throw new DataKeyRefused("the data key was encrypted under master key " + masterKeyId + ", not " + key.keyId());
        }
        MasterKey master = keys.stream().filter(candidate -> candidate.id().equals(masterKeyId)).findFirst()
                .orElseThrow(() -> new DataKeyRefused("the data key was encrypted under master key " + masterKeyId
                        + ", which is not in " + file + ": the key file is not the one the data was written with"));
        int headerLength = 2 + masterKeyId.length();
        if (blob.length != headerLength + AesGcm.NONCE_BYTES + DataKey.LENGTH_BYTES + AesGcm.TAG_BYTES) {
            throw new DataKeyRefused("the data key encrypted under master key " + masterKeyId + " has the wrong length");
        }
        byte[] nonce = Arrays.copyOfRange(blob, headerLength, headerLength + AesGcm.NONCE_BYTES);
        byte[] wrapped = Arrays.copyOfRange(blob, headerLength + AesGcm.NONCE_BYTES, blob.length);
        try {
            return AesGcm.open(master.key(), nonce, wrapped, additionalData(Arrays.copyOf(blob, headerLength), context));
        } catch (AEADBadTagException e) {
            throw new DataKeyRefused("master key " + masterKeyId + " refused the data key: it was encrypted for another "
                    + "encryption context, or altered");
        }
    }

    @Override
    public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
        byte[] plaintext = decryptDataKey(key, context);
        try {
            return wrap(plaintext, context, current());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public synchronized String rotateMasterKey() {
        List<MasterKey> more = new ArrayList<>(keys);
        MasterKey next = MasterKey.generate(current().version() + 1);
        more.add(next);
        MasterKeyFile.write(file, more);
        keys = List.copyOf(more);
        return next.id();
    }

    @Override
    public String currentKeyId() {
        return current().id();
    }

    private MasterKey current() {
        List<MasterKey> all = keys;
        return all.get(all.size() - 1);
    }

    private static String masterKeyIdOf(byte[] blob) {
        if (blob.length < 2 || blob[0] != FORMAT || blob.length < 2 + Byte.toUnsignedInt(blob[1])) {
            throw new DataKeyRefused("the data key is not in the local key file's format");
        }
        return new String(blob, 2, Byte.toUnsignedInt(blob[1]), StandardCharsets.US_ASCII);
    }

    private static EncryptedDataKey wrap(byte[] plaintext, EncryptionContext context, MasterKey master) {
        byte[] id = master.id().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(FORMAT);
        header.write(id.length);
        header.writeBytes(id);
        byte[] nonce = AesGcm.newNonce();
        byte[] wrapped = AesGcm.seal(master.key(), nonce, plaintext, additionalData(header.toByteArray(), context));
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(header.toByteArray());
        blob.writeBytes(nonce);
        blob.writeBytes(wrapped);
        return new EncryptedDataKey(blob.toByteArray(), master.id());
    }

    private static byte[] additionalData(byte[] header, EncryptionContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(context.canonical());
        return out.toByteArray();
    }
}

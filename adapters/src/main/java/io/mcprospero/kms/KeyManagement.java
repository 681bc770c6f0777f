package io.mcprospero.kms;

/**
 * The port to the key management service that holds the master key of envelope encryption. The master key
 * never leaves it: it generates data keys, and decrypts or re-encrypts them, always for an
 * {@link EncryptionContext} that must match the one the data key was generated with.
 *
 * <p>Adapters: {@link LocalKeyFile} (embedded default) and {@link AwsKms} (production), chosen by
 * {@code mcprospero.kms.mode} in {@link KeyManagementProducer}. Both throw {@link DataKeyRefused} when a data
 * key does not decrypt, and {@link KeyManagementUnavailable} when the service cannot be used at all.
 */
public interface KeyManagement extends AutoCloseable {

    /** A new AES-256 data key, plain and encrypted under the current master key for this context. */
    DataKey generateDataKey(EncryptionContext context);

    /** The plain data key; the caller owns the returned array and wipes it. */
    byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context);

    /** The same data key encrypted under the current master key (version), without exposing it to the caller. */
    EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context);

    /** The id of the master key that encrypts new data keys; answered without calling the service. */
    String currentKeyId();

    /**
     * Makes a new master key version current where this adapter owns the key material (the local key file),
     * keeping earlier versions for decryption. AWS KMS rotates its key material itself, so there it only
     * names the key that {@link #reEncrypt} targets. Returns the id of the current master key.
     */
    String rotateMasterKey();

    /** Releases the client's connections and threads, if it holds any (AWS KMS does; the local key file does not). */
    @Override
    default void close() {
    }
}

package io.mcprospero.datakeys;

import io.mcprospero.kms.AesGcm;
import io.mcprospero.kms.DataKey;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.EnvelopeKeys;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.SealingKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys for envelope encryption, through the {@link DataKeyCache} in front of {@link KeyManagement}:
 * a cached key costs no KMS call, and every key from the KMS is cached for the next read.
 */
@ApplicationScoped
public class DataKeys implements EnvelopeKeys {

    private KeyManagement keys;
    private DataKeyCache cache;
    /** Per context, the data key that {@link #shared} currently hands out; its limits are the cache's. */
    private final Map<EncryptionContext, EncryptedDataKey> shared = new ConcurrentHashMap<>();

    protected DataKeys() {
        // for the CDI proxy
    }

    @Inject
    public DataKeys(KeyManagement keys, DataKeyCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** A new data key, used for one value only (one secret). */
    public SealingKey fresh(EncryptionContext context) {
        DataKey generated = keys.generateDataKey(context);
        SecretKey key = new SecretKeySpec(generated.plaintext(), "AES");
        cache.put(generated.encrypted(), context, generated.plaintext());
        return new SealingKey(key, generated.encrypted());
    }

    /**
     * A data key shared by many small values of one context (Temporal payloads), replaced when the cache lets
     * it go (age or uses), so that encrypting does not cost a KMS call per value.
     */
    @Override
    public SealingKey shared(EncryptionContext context) {
        EncryptedDataKey current = shared.get(context);
        if (current != null) {
            Optional<SecretKey> cached = cache.take(current, context);
            if (cached.isPresent()) {
                return new SealingKey(cached.get(), current);
            }
        }
        SealingKey next = fresh(context);
        shared.put(context, next.encrypted());
        return next;
    }

    /** The plain data key, from the cache or else from the KMS. */
    @Override
    public SecretKey unwrap(EncryptedDataKey encrypted, EncryptionContext context) {
        Optional<SecretKey> cached = cache.take(encrypted, context);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] plaintext = keys.decryptDataKey(encrypted, context);
        if (plaintext.length != DataKey.LENGTH_BYTES) {
            Arrays.fill(plaintext, (byte) 0);
            throw new DataKeyRefused("the key management service returned a data key of " + plaintext.length
                    + " bytes, not " + DataKey.LENGTH_BYTES);
        }
        SecretKey key = new SecretKeySpec(plaintext, "AES");
        cache.put(encrypted, context, plaintext);
        return key;
    }

    /**
     * Seals a value: AES-256-GCM under a fresh data key for {@code context}, with {@code additionalData} bound into
     * the tag. The one way values are envelope-encrypted here (secrets, signing keys).
     */
    public Envelope seal(EncryptionContext context, byte[] additionalData, byte[] plaintext) {
        SealingKey key = fresh(context);
        byte[] nonce = AesGcm.newNonce();
        return new Envelope(AesGcm.seal(key.key(), nonce, plaintext, additionalData), nonce, key.encrypted());
    }

    /**
     * Opens a sealed value. Throws {@link DataKeyRefused} when the key service will not decrypt the data key for this
     * context, and {@link AEADBadTagException} when the ciphertext, nonce or additional data do not belong together.
     */
    public byte[] open(EncryptionContext context, byte[] additionalData, Envelope envelope) throws AEADBadTagException {
        return AesGcm.open(unwrap(envelope.dataKey(), context), envelope.nonce(), envelope.ciphertext(), additionalData);
    }

    /** The same data key encrypted under the current master key. */
    public EncryptedDataKey rewrap(EncryptedDataKey encrypted, EncryptionContext context) {
        return keys.reEncrypt(encrypted, context);
    }

    /** Makes a new master key (version) current and forgets the cached keys, which all belong to older ones. */
    public String rotateMasterKey() {
        String keyId = keys.rotateMasterKey();
        shared.clear();
        cache.clear();
        return keyId;
    }
}

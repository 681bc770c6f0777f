package io.mcprospero.storage;

import io.mcprospero.artifacts.ArtifactStore;
import io.mcprospero.artifacts.ArtifactStoreUnavailable;
import io.mcprospero.kms.AesGcm;
import io.mcprospero.kms.EncryptionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Content sealed before it goes to the {@link ArtifactStore}: AES-256-GCM under a content key, with the org and the
 * artifact's key bound as additional data, so an artifact copied to another key or passed off as another org's does not
 * open. The content key lives in a secret of the org (the caller keeps the {@link SealedArtifact} there), so the
 * org-bound envelope encryption and key rotation of secrets cover it, and the store never holds a readable byte.
 * A rewrite under the same content key (a growing transcript) stays readable by the row that names that key, whichever
 * of the two writes lands last.
 */
@ApplicationScoped
public class SealedArtifacts {

    private static final Logger LOG = Logger.getLogger(SealedArtifacts.class.getName());
    private static final byte[] MAGIC = "MCPA1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArtifactStore store;

    protected SealedArtifacts() {
        // for the CDI proxy
    }

    @Inject
    public SealedArtifacts(ArtifactStore store) {
        this.store = store;
    }

    /** Seals and stores {@code plaintext} under {@code key}, with {@code contentKey} (null: a new one). */
    public SealedArtifact put(String orgId, String key, byte[] contentKey, byte[] plaintext) {
        byte[] aesKey = contentKey != null ? contentKey : newContentKey();
        byte[] nonce = AesGcm.newNonce();
        byte[] ciphertext = AesGcm.seal(new SecretKeySpec(aesKey, "AES"), nonce, plaintext, additionalData(orgId, key));
        store.put(key, ByteBuffer.allocate(MAGIC.length + nonce.length + ciphertext.length).put(MAGIC).put(nonce).put(ciphertext).array());
        return new SealedArtifact(key, aesKey);
    }

    /** The plaintext of the artifact; throws {@link ArtifactUnreadable} when it cannot be read or opened. */
    public byte[] open(String orgId, SealedArtifact artifact) {
        byte[] sealed;
        try {
            sealed = store.get(artifact.key()).orElseThrow(() -> new ArtifactUnreadable(
                    "it is missing from the artifact store (" + store.describe() + ")"));
        } catch (ArtifactStoreUnavailable failure) {
            LOG.warning(() -> failure.getMessage());
            throw new ArtifactUnreadable("the artifact store did not answer; try again, and if it keeps failing tell the operator");
        }
        int header = MAGIC.length + AesGcm.NONCE_BYTES;
        if (sealed.length < header + AesGcm.TAG_BYTES || !Arrays.equals(MAGIC, Arrays.copyOf(sealed, MAGIC.length))) {
            throw new ArtifactUnreadable("what the artifact store holds under its key is not a sealed artifact");
        }
        try {
            return AesGcm.open(new SecretKeySpec(artifact.contentKey(), "AES"), Arrays.copyOfRange(sealed, MAGIC.length, header),
                    Arrays.copyOfRange(sealed, header, sealed.length), additionalData(orgId, artifact.key()));
        } catch (AEADBadTagException e) {
            throw new ArtifactUnreadable("it does not open: the artifact was altered, or it belongs to another org or key");
        }
    }

    public void delete(String key) {
        store.delete(key);
    }

    public String describe() {
        return store.describe();
    }

    private static byte[] newContentKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] additionalData(String orgId, String key) {
        return EncryptionContext.ofOrg(orgId).with("artifact_key", key).canonical();
    }
}

package io.mcprospero.secrets;

import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.AEADBadTagException;

/**
 * Envelope encryption of one secret: a fresh data key per value, AES-256-GCM with a random 96-bit nonce and
 * the secret's {@link SecretRef} as additional data. Opening fails with {@link SecretUnreadable} whenever
 * anything about the envelope or its reference differs from what was sealed.
 */
@ApplicationScoped
public class EnvelopeCipher {

    private static final String STORE_AGAIN = "Store it again (for a connected account: connect the account again).";

    private DataKeys dataKeys;

    protected EnvelopeCipher() {
        // for the CDI proxy
    }

    @Inject
    public EnvelopeCipher(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    public Envelope seal(SecretRef ref, byte[] plaintext) {
        return dataKeys.seal(ref.keyContext(), ref.additionalData(), plaintext);
    }

    public byte[] open(SecretRef ref, Envelope envelope) {
        try {
            return dataKeys.open(ref.keyContext(), ref.additionalData(), envelope);
        } catch (DataKeyRefused e) {
            throw new SecretUnreadable(ref + " cannot be decrypted: the key management service refused its data key (the row "
                    + "was moved to another org or altered, or this server's master key is not the one it was written with). "
                    + STORE_AGAIN, e.getMessage());
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable(ref + " cannot be decrypted: its ciphertext, nonce or data key does not belong "
                    + "to this secret (the row was altered). " + STORE_AGAIN, "AES-GCM tag mismatch");
        }
    }

    /** The envelope's data key encrypted under the current master key; the ciphertext stays as it is. */
    public EncryptedDataKey rewrapDataKey(String orgId, EncryptedDataKey dataKey) {
        return dataKeys.rewrap(dataKey, EncryptionContext.ofOrg(orgId));
    }
}

package io.mcprospero.kms;

import javax.crypto.SecretKey;

/**
 * Data keys for envelope encryption as the Temporal payload codec needs them; the ejb module's {@code DataKeys}
 * (cached, shared per context) implements it.
 */
public interface EnvelopeKeys {

    /** A data key that many small values of one context may share for a while. */
    SealingKey shared(EncryptionContext context);

    /** The plain data key of {@code encrypted}; throws {@link DataKeyRefused} if it was not made for this context. */
    SecretKey unwrap(EncryptedDataKey encrypted, EncryptionContext context);
}

package io.mcprospero.kms;

import javax.crypto.SecretKey;

/** A data key ready to encrypt with, and its encrypted form to store beside the ciphertext. */
public record SealingKey(SecretKey key, EncryptedDataKey encrypted) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "SealingKey[" + encrypted + ", key redacted]";
    }
}

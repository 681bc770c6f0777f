package io.mcprospero.kms;

import java.util.Arrays;

/**
 * A data key as the KMS (or the local master key) encrypted it, with the id of the key that did. Safe to
 * store beside the ciphertext: it decrypts only through the key management service, with the same context.
 */
public record EncryptedDataKey(byte[] ciphertext, String keyId) {

    public EncryptedDataKey {
        if (ciphertext == null || ciphertext.length == 0) {
            throw new IllegalArgumentException("an encrypted data key must not be empty");
        }
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("an encrypted data key needs the id of the key that encrypted it");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedDataKey that && Arrays.equals(ciphertext, that.ciphertext) && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ciphertext) + keyId.hashCode();
    }

    @Override
    public String toString() {
        return "EncryptedDataKey[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}

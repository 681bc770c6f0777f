package io.mcprospero.datakeys;

import io.mcprospero.kms.EncryptedDataKey;

/** A value sealed by {@link DataKeys#seal}: AES-256-GCM ciphertext (with tag), its nonce, and its encrypted data key. */
public record Envelope(byte[] ciphertext, byte[] nonce, EncryptedDataKey dataKey) {

    @Override
    public String toString() {
        return "Envelope[" + ciphertext.length + " bytes, " + dataKey + "]";
    }
}

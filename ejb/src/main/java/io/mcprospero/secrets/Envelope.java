package io.mcprospero.secrets;

import io.mcprospero.kms.EncryptedDataKey;

/** An encrypted secret as stored: AES-256-GCM ciphertext (with tag), its nonce, and its encrypted data key. */
public record Envelope(byte[] ciphertext, byte[] nonce, EncryptedDataKey dataKey) {

    @Override
    public String toString() {
        return "Envelope[" + ciphertext.length + " bytes, " + dataKey + "]";
    }
}

package io.mcprospero.kms;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per encryption and a 128-bit tag, the one cipher of envelope
 * encryption here (data keys under the local master key, secrets and Temporal payloads under data keys).
 * Random nonces are safe up to 2^32 encryptions per key; every key here encrypts far fewer (see the cache's
 * use limit).
 */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The ciphertext with its tag appended. */
    public static byte[] seal(SecretKey key, byte[] nonce, byte[] plaintext, byte[] additionalData) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, additionalData).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The plaintext, or {@link AEADBadTagException} when the ciphertext, nonce, key or additional data is not
     * exactly what was sealed: GCM never returns a wrong plaintext.
     */
    public static byte[] open(SecretKey key, byte[] nonce, byte[] ciphertext, byte[] additionalData) throws AEADBadTagException {
        if (nonce == null || nonce.length != NONCE_BYTES || ciphertext == null || ciphertext.length < TAG_BYTES) {
            throw new AEADBadTagException("not an AES-GCM ciphertext of this format");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, additionalData).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] additionalData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(additionalData);
        return cipher;
    }
}

package io.mcprospero.kms;

import java.util.Arrays;

/**
 * A freshly generated data key: the plain 256-bit key, to encrypt with and then forget, and the same key
 * encrypted by the master key, to store. Whoever receives one owns the plain array and wipes it.
 */
public record DataKey(byte[] plaintext, EncryptedDataKey encrypted) {

    public static final int LENGTH_BYTES = 32;

    public DataKey {
        if (plaintext == null || plaintext.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("a data key is " + LENGTH_BYTES + " bytes");
        }
        if (encrypted == null) {
            throw new IllegalArgumentException("a data key needs its encrypted form");
        }
    }

    public void wipe() {
        Arrays.fill(plaintext, (byte) 0);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "DataKey[" + encrypted + ", plaintext redacted]";
    }
}

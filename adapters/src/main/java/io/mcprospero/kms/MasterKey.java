package io.mcprospero.kms;

import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One version of the local master key. Its id names the version and a random tag
 * ({@code local-2-9f2c4a1b}), so that a data key wrapped under the master key of another installation is
 * recognised as such, not mistaken for tampering.
 */
record MasterKey(int version, String id, SecretKey key) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static MasterKey generate(int version) {
        byte[] tag = new byte[4];
        RANDOM.nextBytes(tag);
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return new MasterKey(version, "local-" + version + "-" + HexFormat.of().formatHex(tag), new SecretKeySpec(material, "AES"));
    }

    static int versionOf(String id) {
        String[] parts = id.split("-");
        if (parts.length != 3 || !parts[0].equals("local")) {
            throw new IllegalArgumentException("not a local master key id: " + id);
        }
        return Integer.parseInt(parts[1]);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}

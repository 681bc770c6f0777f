package io.mcprospero.kms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The non-secret facts a key or ciphertext is bound to, such as {@code org_id}. It is given to the KMS with
 * every data key operation and bound as AES-GCM additional data, so that a ciphertext presented with other
 * facts (a row copied to another org) fails to decrypt instead of decrypting.
 */
public record EncryptionContext(SortedMap<String, String> entries) {

    public static final String ORG_ID = "org_id";

    /** Versions the canonical encoding, so that a future encoding can never collide with this one. */
    private static final byte[] ENCODING_TAG = "mcprospero-ec-1".getBytes(StandardCharsets.US_ASCII);

    public EncryptionContext {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("an encryption context needs at least one entry");
        }
        entries.forEach((key, value) -> {
            if (key == null || key.isEmpty() || value == null || value.isEmpty()) {
                throw new IllegalArgumentException("encryption context keys and values must not be empty");
            }
        });
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static EncryptionContext of(String key, String value) {
        return new EncryptionContext(new TreeMap<>(Map.of(key, value)));
    }

    public static EncryptionContext ofOrg(String orgId) {
        return of(ORG_ID, orgId);
    }

    public EncryptionContext with(String key, String value) {
        TreeMap<String, String> more = new TreeMap<>(entries);
        more.put(key, value);
        return new EncryptionContext(more);
    }

    /**
     * One unambiguous byte string for this context: entries sorted by key, each key and value
     * length-prefixed, so that no two different contexts encode alike ({a=b|c} versus {a=b, c=...}).
     */
    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ENCODING_TAG);
        out.writeBytes(ByteBuffer.allocate(4).putInt(entries.size()).array());
        entries.forEach((key, value) -> {
            writeLengthPrefixed(out, key);
            writeLengthPrefixed(out, value);
        });
        return out.toByteArray();
    }

    private static void writeLengthPrefixed(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}

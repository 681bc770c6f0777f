package io.mcprospero.bench.secrets;

import io.mcprospero.datakeys.DataKeyCache;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.LocalKeyFile;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.secrets.EnvelopeCipher;
import io.mcprospero.secrets.SecretRef;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One hot secret of a given size, sealed by the envelope cipher, and the same ciphertext, key and additional
 * data taken out for raw JCE AES-GCM: the two ways of decrypting it that the benchmarks compare.
 */
final class DecryptCase {

    private final EnvelopeCipher cipher;
    private final SecretRef ref;
    private final Envelope envelope;
    private final SecretKeySpec rawKey;
    private final byte[] rawAdditionalData;

    DecryptCase(int size) throws Exception {
        LocalKeyFile keys = LocalKeyFile.open(Files.createTempDirectory("mcprospero-bench-keys").resolve("master.key"));
        // uses unbounded so that the key stays hot for the whole measurement
        cipher = new EnvelopeCipher(new DataKeys(keys, new DataKeyCache(1000, Duration.ofHours(1), Integer.MAX_VALUE, Clock.systemUTC())));
        ref = new SecretRef("0b8e2f4a-5d4c-4f7e-9a51-2f1f3c9d7e10", "google:alice@example.com", SecretKind.OAUTH_TOKEN);
        byte[] value = new byte[size];
        new SecureRandom().nextBytes(value);
        envelope = cipher.seal(ref, value);
        rawKey = new SecretKeySpec(keys.decryptDataKey(envelope.dataKey(), ref.keyContext()), "AES");
        rawAdditionalData = new EncryptionContext(new TreeMap<>(Map.of("org_id", ref.orgId(), "secret_name", ref.name(),
                "secret_kind", ref.kind().name()))).canonical();
    }

    byte[] envelopeOpen() {
        return cipher.open(ref, envelope);
    }

    byte[] rawJceAesGcm() throws GeneralSecurityException {
        Cipher raw = Cipher.getInstance("AES/GCM/NoPadding");
        raw.init(Cipher.DECRYPT_MODE, rawKey, new GCMParameterSpec(128, envelope.nonce()));
        raw.updateAAD(rawAdditionalData);
        return raw.doFinal(envelope.ciphertext());
    }
}

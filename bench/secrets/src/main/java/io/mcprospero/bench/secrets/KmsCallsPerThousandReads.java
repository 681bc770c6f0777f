package io.mcprospero.bench.secrets;

import io.mcprospero.datakeys.DataKeyCache;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.kms.aws.AwsKms;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.LocalKeyFile;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.secrets.EnvelopeCipher;
import io.mcprospero.secrets.SecretRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KMS calls per 1,000 reads of hot secrets (target: at most 10), counted on the key management port, with
 * the default cache settings (1000 keys, PT5M, 10000 uses). Runs against the local key file, or AWS KMS
 * (or a KMS-compatible endpoint) when -Dkms.key-id is set (with -Dkms.region, -Dkms.endpoint).
 *
 * <p>Scenarios: the instance that wrote the secrets reads them (its cache is warm from the writes); another
 * instance reads them from cold; 1,000 reads spread over 100 secrets from cold.
 */
public final class KmsCallsPerThousandReads {

    public static void main(String[] arguments) throws Exception {
        System.out.printf("%-58s %8s %10s%n", "scenario (" + adapterName() + ")", "reads", "KMS calls");
        report("10 hot secrets, read by the instance that wrote them", 10, true);
        report("10 hot secrets, read by another instance (cold start)", 10, false);
        report("100 secrets, read by another instance (cold start)", 100, false);
        System.out.println("target: at most 10 KMS calls per 1,000 reads of hot secrets");
    }

    private static void report(String scenario, int secrets, boolean sameInstance) throws Exception {
        KeyManagement adapter = adapter();
        CountingKeyManagement writerKeys = new CountingKeyManagement(adapter);
        EnvelopeCipher writer = cipher(writerKeys.keys());
        List<SecretRef> refs = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < secrets; i++) {
            SecretRef ref = new SecretRef("org-" + (i % 3), "secret-" + i, SecretKind.OAUTH_TOKEN);
            refs.add(ref);
            envelopes.add(writer.seal(ref, ("token-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        CountingKeyManagement readerKeys = sameInstance ? writerKeys : new CountingKeyManagement(adapter);
        EnvelopeCipher reader = sameInstance ? writer : cipher(readerKeys.keys());
        int before = readerKeys.calls();
        for (int read = 0; read < 1000; read++) {
            reader.open(refs.get(read % secrets), envelopes.get(read % secrets));
        }
        System.out.printf("%-58s %8d %10d%n", scenario, 1000, readerKeys.calls() - before);
    }

    private static EnvelopeCipher cipher(KeyManagement keys) {
        return new EnvelopeCipher(new DataKeys(keys, new DataKeyCache(1000, Duration.ofMinutes(5), 10_000, Clock.systemUTC())));
    }

    private static String adapterName() {
        return System.getProperty("kms.key-id") == null ? "local key file" : "AWS KMS " + System.getProperty("kms.key-id");
    }

    private static KeyManagement adapter() throws Exception {
        String keyId = System.getProperty("kms.key-id");
        if (keyId == null) {
            Path directory = Files.createTempDirectory("mcprospero-bench-keys");
            return LocalKeyFile.open(directory.resolve("master.key"));
        }
        return AwsKms.connect(keyId, Optional.ofNullable(System.getProperty("kms.region")), Optional.ofNullable(System.getProperty("kms.endpoint")));
    }
}

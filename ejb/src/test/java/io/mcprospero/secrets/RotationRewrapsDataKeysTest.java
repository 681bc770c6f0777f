package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.ForwardingKeyManagement;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.KeyManagementFixture;
import io.mcprospero.persistence.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rotation re-wraps every data key under the new master key (version) without touching a ciphertext, and
 * reads and writes keep working before, during and after it.
 */
class RotationRewrapsDataKeysTest {

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyDataKeyIsRewrappedAndNoCiphertextChanges(SecretsWorld.Setup setup) {
        try (SecretsWorld world = setup.open()) {
            Map<String, String> orgs = Map.of("Acme", world.newOrg("Acme"), "Globex", world.newOrg("Globex"));
            Map<String, byte[]> values = new LinkedHashMap<>();
            orgs.forEach((orgName, org) -> {
                for (int i = 0; i < 5; i++) {
                    byte[] value = (orgName + "-token-" + i).getBytes(StandardCharsets.UTF_8);
                    world.secrets.put(org, "secret-" + i, SecretKind.OAUTH_TOKEN, value);
                    values.put(org + "/secret-" + i, value);
                }
            });
            Map<String, SecretsWorld.Row> before = rows(world, values);
            world.kms.rotateOutsideTheApplication();

            RotationSummary summary = world.rotation.rotateAll();

            assertThat(summary.rewrapped()).isEqualTo(10);
            assertThat(summary.changedMeanwhile()).isZero();
            assertThat(summary.refused()).isZero();
            Map<String, SecretsWorld.Row> after = rows(world, values);
            before.forEach((key, row) -> {
                SecretsWorld.Row rotated = after.get(key);
                assertThat(rotated.ciphertext()).isEqualTo(row.ciphertext());
                assertThat(rotated.nonce()).isEqualTo(row.nonce());
                assertThat(rotated.encryptedDataKey()).isNotEqualTo(row.encryptedDataKey());
                if (world.kms instanceof KeyManagementFixture.Local) {
                    assertThat(rotated.keyId()).isEqualTo(summary.currentKeyId()).isNotEqualTo(row.keyId());
                } else {
                    assertThat(rotated.keyId()).isEqualTo(row.keyId());
                }
            });
            if (world.kms instanceof KeyManagementFixture.Aws aws) {
                assertThat(aws.kms().calls("ReEncrypt")).isEqualTo(10);
            }
            assertAllReadBack(world, values);
            assertAllReadBack(world.anotherInstance(), values);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void readsAndWritesKeepWorkingWhileARotationIsHalfWay(SecretsWorld.Setup setup) throws Exception {
        try (SecretsWorld world = setup.open()) {
            String org = world.newOrg("Acme");
            Map<String, byte[]> values = new LinkedHashMap<>();
            for (int i = 0; i < 20; i++) {
                byte[] value = ("token-" + i).getBytes(StandardCharsets.UTF_8);
                world.secrets.put(org, "secret-" + i, SecretKind.API_KEY, value);
                values.put(org + "/secret-" + i, value);
            }
            world.kms.rotateOutsideTheApplication();
            PausingKeyManagement pausing = new PausingKeyManagement(10);
            SecretsWorld rotating = world.anotherInstanceWith(keys -> pausing.around(keys));

            CompletableFuture<RotationSummary> rotation = CompletableFuture.supplyAsync(rotating.rotation::rotateAll);
            assertThat(pausing.halfWay.await(30, TimeUnit.SECONDS)).as("the rotation reached half way").isTrue();
            try {
                // half the rows under the new master key, half under the old: a cold instance reads them all
                assertAllReadBack(world.anotherInstance(), values);
                assertAllReadBack(world, values);
                for (int i : new int[] {3, 15}) {
                    byte[] value = ("rewritten-" + i).getBytes(StandardCharsets.UTF_8);
                    world.secrets.put(org, "secret-" + i, SecretKind.API_KEY, value);
                    values.put(org + "/secret-" + i, value);
                }
            } finally {
                pausing.resume.countDown();
            }
            RotationSummary summary = rotation.get(60, TimeUnit.SECONDS);

            assertThat(summary.rewrapped() + summary.changedMeanwhile()).isEqualTo(20);
            assertThat(summary.refused()).isZero();
            assertAllReadBack(world, values);
            assertAllReadBack(world.anotherInstance(), values);
        }
    }

    private static Map<String, SecretsWorld.Row> rows(SecretsWorld world, Map<String, byte[]> values) {
        Map<String, SecretsWorld.Row> rows = new LinkedHashMap<>();
        values.keySet().forEach(key -> rows.put(key, world.row(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1))));
        return rows;
    }

    private static void assertAllReadBack(SecretsWorld world, Map<String, byte[]> values) {
        values.forEach((key, value) -> assertThat(world.secrets.get(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1)))
                .as(key).hasValueSatisfying(read -> assertThat(read).isEqualTo(value)));
    }

    /** Holds a rotation after a number of re-wraps until the test lets it go on. */
    private static final class PausingKeyManagement {
        private final int pauseAfter;
        private final AtomicInteger reEncrypted = new AtomicInteger();
        final CountDownLatch halfWay = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        PausingKeyManagement(int pauseAfter) {
            this.pauseAfter = pauseAfter;
        }

        KeyManagement around(KeyManagement keys) {
            return new ForwardingKeyManagement(keys) {
                @Override
                public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
                    if (reEncrypted.incrementAndGet() == pauseAfter + 1) {
                        halfWay.countDown();
                        try {
                            resume.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.reEncrypt(key, context);
                }
            };
        }
    }
}

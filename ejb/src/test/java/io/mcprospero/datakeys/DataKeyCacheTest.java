package io.mcprospero.datakeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cache of plain data keys keeps keys within its count, age and use bounds, and wipes what it lets go. */
class DataKeyCacheTest {

    private static final EncryptionContext ACME = EncryptionContext.ofOrg("org-acme");
    private static final EncryptionContext GLOBEX = EncryptionContext.ofOrg("org-globex");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));

    @Test
    void aCachedKeyIsFoundOnlyUnderItsOwnContext() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 100, clock);
        byte[] plaintext = key(7);

        cache.put(encrypted(1), ACME, plaintext);

        assertThat(cache.take(encrypted(1), ACME)).hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(key(7)));
        assertThat(cache.take(encrypted(1), GLOBEX)).isEmpty();
        assertThat(cache.take(encrypted(2), ACME)).isEmpty();
        assertThat(cache.take(new EncryptedDataKey(encrypted(1).ciphertext(), "another-key"), ACME)).isEmpty();
    }

    @Test
    void aKeyExpiresAtItsMaximumAgeAndIsWiped() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 100, clock);
        byte[] plaintext = key(7);
        cache.put(encrypted(1), ACME, plaintext);

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(cache.take(encrypted(1), ACME)).isPresent();
        clock.advance(Duration.ofMillis(1));

        assertThat(cache.take(encrypted(1), ACME)).isEmpty();
        assertThat(plaintext).containsOnly(0);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aKeyIsDroppedAndWipedAfterItsMaximumUses() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 3, clock);
        byte[] plaintext = key(7);
        cache.put(encrypted(1), ACME, plaintext);

        assertThat(cache.take(encrypted(1), ACME)).isPresent();
        assertThat(cache.take(encrypted(1), ACME)).isPresent();
        assertThat(cache.take(encrypted(1), ACME)).hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(key(7)));

        assertThat(cache.take(encrypted(1), ACME)).isEmpty();
        assertThat(plaintext).containsOnly(0);
    }

    @Test
    void beyondTheMaximumCountTheOldestKeyIsDroppedAndWiped() {
        DataKeyCache cache = new DataKeyCache(2, Duration.ofMinutes(5), 100, clock);
        byte[] oldest = key(1);
        byte[] middle = key(2);
        byte[] newest = key(3);

        cache.put(encrypted(1), ACME, oldest);
        cache.put(encrypted(2), ACME, middle);
        cache.put(encrypted(3), ACME, newest);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.take(encrypted(1), ACME)).isEmpty();
        assertThat(oldest).containsOnly(0);
        assertThat(cache.take(encrypted(2), ACME)).isPresent();
        assertThat(cache.take(encrypted(3), ACME)).isPresent();
    }

    @Test
    void handedOutKeysAreCopiesThatSurviveTheWipe() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 1, clock);
        cache.put(encrypted(1), ACME, key(7));

        byte[] handedOut = cache.take(encrypted(1), ACME).orElseThrow().getEncoded();

        assertThat(handedOut).isEqualTo(key(7));
    }

    @Test
    void clearingWipesEveryKey() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 100, clock);
        byte[] first = key(1);
        byte[] second = key(2);
        cache.put(encrypted(1), ACME, first);
        cache.put(encrypted(2), GLOBEX, second);

        cache.clear();

        assertThat(cache.size()).isZero();
        assertThat(first).containsOnly(0);
        assertThat(second).containsOnly(0);
    }

    @Test
    void aCacheOfNoKeysKeepsNothingAndWipesAtOnce() {
        DataKeyCache cache = new DataKeyCache(0, Duration.ofMinutes(5), 100, clock);
        byte[] plaintext = key(7);

        cache.put(encrypted(1), ACME, plaintext);

        assertThat(cache.take(encrypted(1), ACME)).isEmpty();
        assertThat(plaintext).containsOnly(0);
    }

    @Test
    void aKeyCachedTwiceKeepsTheFirstAndWipesTheSecond() {
        DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(5), 100, clock);
        byte[] first = key(7);
        byte[] second = key(7);

        cache.put(encrypted(1), ACME, first);
        cache.put(encrypted(1), ACME, second);

        assertThat(first).isEqualTo(key(7));
        assertThat(second).containsOnly(0);
        assertThat(cache.size()).isEqualTo(1);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static EncryptedDataKey encrypted(int id) {
        return new EncryptedDataKey(new byte[] {1, 2, (byte) id}, "key-1");
    }
}

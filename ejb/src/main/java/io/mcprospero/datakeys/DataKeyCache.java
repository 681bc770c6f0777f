package io.mcprospero.datakeys;

import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain data keys held in memory for a short while, so that reading a hot secret rarely costs a KMS call.
 * Bounded by count ({@code mcprospero.kms.cache.max-keys}), age ({@code .max-age}) and uses
 * ({@code .max-uses}); an entry is keyed by the encrypted data key together with its encryption context, so
 * a key cached for one org is never handed out for another.
 *
 * <p>The cache owns the arrays put into it and overwrites them with zeros when it lets them go. That is as
 * far as the JVM allows: the {@link SecretKey} copies handed out, and the key schedules inside JCE, stay in
 * memory until they are garbage collected.
 */
@ApplicationScoped
public class DataKeyCache {

    private int maxKeys;
    private Duration maxAge;
    private int maxUses;
    private Clock clock;
    /** In insertion order: the eldest entry is the oldest, so expiry and the count bound both trim the head. */
    private final LinkedHashMap<Slot, Entry> entries = new LinkedHashMap<>();

    protected DataKeyCache() {
        // for the CDI proxy
    }

    @Inject
    public DataKeyCache(@ConfigProperty(name = "mcprospero.kms.cache.max-keys") int maxKeys,
                        @ConfigProperty(name = "mcprospero.kms.cache.max-age") Duration maxAge,
                        @ConfigProperty(name = "mcprospero.kms.cache.max-uses") int maxUses,
                        Clock clock) {
        if (maxKeys < 0 || maxUses < 1 || maxAge.isNegative()) {
            throw new IllegalArgumentException("mcprospero.kms.cache.*: max-keys must be at least 0, max-uses at least 1, "
                    + "max-age not negative");
        }
        this.maxKeys = maxKeys;
        this.maxAge = maxAge;
        this.maxUses = maxUses;
        this.clock = clock;
    }

    /** The cached key, counting one use, or empty when it is not cached (any more). */
    public synchronized Optional<SecretKey> take(EncryptedDataKey key, EncryptionContext context) {
        Instant now = clock.instant();
        dropExpired(now);
        Slot slot = new Slot(key, context);
        Entry entry = entries.get(slot);
        if (entry == null) {
            return Optional.empty();
        }
        SecretKey copy = new SecretKeySpec(entry.plaintext, "AES");
        entry.uses++;
        if (entry.uses >= maxUses) {
            entries.remove(slot);
            entry.wipe();
        }
        return Optional.of(copy);
    }

    /**
     * Caches a plain data key, taking ownership of the array: it is wiped when the entry goes, or at once when
     * the key is already cached or the cache holds no keys.
     */
    public synchronized void put(EncryptedDataKey key, EncryptionContext context, byte[] plaintext) {
        Instant now = clock.instant();
        dropExpired(now);
        Slot slot = new Slot(key, context);
        if (maxKeys == 0 || entries.containsKey(slot)) {
            Arrays.fill(plaintext, (byte) 0);
            return;
        }
        entries.put(slot, new Entry(plaintext, now));
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > maxKeys) {
            eldest.next().wipe();
            eldest.remove();
        }
    }

    /** Wipes and forgets every key, e.g. after a master key rotation, whose re-wrapped keys miss the cache anyway. */
    public synchronized void clear() {
        entries.values().forEach(Entry::wipe);
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    private void dropExpired(Instant now) {
        Iterator<Entry> eldest = entries.values().iterator();
        while (eldest.hasNext()) {
            Entry entry = eldest.next();
            if (!entry.isExpired(now)) {
                return;
            }
            entry.wipe();
            eldest.remove();
        }
    }

    private record Slot(EncryptedDataKey key, EncryptionContext context) {
    }

    private final class Entry {
        private final byte[] plaintext;
        private final Instant cachedAt;
        private int uses;

        private Entry(byte[] plaintext, Instant cachedAt) {
            this.plaintext = plaintext;
            this.cachedAt = cachedAt;
        }

        private boolean isExpired(Instant now) {
            return !now.isBefore(cachedAt.plus(maxAge));
        }

        private void wipe() {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}

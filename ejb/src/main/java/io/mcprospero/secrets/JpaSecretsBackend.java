package io.mcprospero.secrets;

import io.mcprospero.datakeys.Envelope;
import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.datakeys.RewrapProgress;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.persistence.secrets.Secret;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The secrets store in the relational database: one {@link Secret} row per secret, sealed by
 * {@link EnvelopeCipher}. Encryption and KMS calls happen outside the short database transactions.
 *
 * <p>Writes are last-writer-wins: a write locks the row it replaces, so writes of one secret queue up
 * rather than fail; a write that still collides (two first writes of a name, or a re-wrap in between) is
 * retried with its already sealed envelope. Call it outside a transaction of your own, or a collision rolls
 * yours back.
 */
@ApplicationScoped
public class JpaSecretsBackend implements SecretsBackend {

    private static final Logger LOG = Logger.getLogger(JpaSecretsBackend.class.getName());
    private static final int WRITE_ATTEMPTS = 3;
    private static final int REWRAP_PAGE_SIZE = 100;
    /** SQLSTATE of a unique constraint violation, on PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private EntityManager entityManager;
    private Transactions transactions;
    private EnvelopeCipher cipher;
    private Clock clock;

    protected JpaSecretsBackend() {
        // for the CDI proxy
    }

    @Inject
    public JpaSecretsBackend(EntityManager entityManager, Transactions transactions, EnvelopeCipher cipher, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public void put(String orgId, String name, SecretKind kind, byte[] value) {
        SecretRef ref = ref(orgId, name, kind);
        if (value == null) {
            throw new InvalidInput("a secret value must be given");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new InvalidInput("a secret value must be at most " + MAX_VALUE_BYTES + " bytes; this one has " + value.length);
        }
        Envelope envelope = cipher.seal(ref, value);
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                transactions.inOne(() -> store(ref, envelope));
                LOG.fine(() -> "stored " + ref + " (" + kind + ")");
                return;
            } catch (OptimisticLockException collided) {
                LOG.fine(() -> "writing " + ref + " collided with another change; trying again");
            } catch (PersistenceException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                LOG.fine(() -> "writing " + ref + " collided with another first write; trying again");
            }
        }
        throw new Conflict(ref + " was being changed by others at the same time; try again");
    }

    @Override
    public Optional<byte[]> get(String orgId, String name) {
        requireAddress(orgId, name);
        return transactions.inOne(() -> find(orgId, name, LockModeType.NONE)).map(row -> {
            SecretRef ref = new SecretRef(orgId, name, row.kind());
            try {
                return cipher.open(ref, new Envelope(row.ciphertext(), row.nonce(), new EncryptedDataKey(row.encryptedDataKey(), row.keyId())));
            } catch (SecretUnreadable e) {
                LOG.warning(() -> "secret row " + row.id() + ": " + e.getMessage() + " Detail: " + e.detail());
                throw e;
            }
        });
    }

    @Override
    public boolean delete(String orgId, String name) {
        requireAddress(orgId, name);
        boolean deleted = transactions.inOne(() -> entityManager.createNamedQuery(Secret.DELETE_BY_NAME)
                .setParameter("orgId", orgId)
                .setParameter("name", name)
                .executeUpdate() > 0);
        LOG.fine(() -> (deleted ? "deleted secret '" : "no secret to delete: '") + name + "' of org " + orgId);
        return deleted;
    }

    @Override
    public List<SecretInfo> list(String orgId) {
        requireOrg(orgId);
        return transactions.inOne(() -> entityManager.createNamedQuery(Secret.DESCRIPTIONS_OF_ORG, Object[].class)
                .setParameter("orgId", orgId)
                .getResultList()
                .stream()
                .map(row -> new SecretInfo((String) row[0], (SecretKind) row[1], (Instant) row[2], (Instant) row[3]))
                .toList());
    }

    /**
     * Walks all rows in pages by id. Each data key is re-encrypted by the KMS outside any transaction, then
     * stored in a transaction of its own if the row has not changed meanwhile; a re-wrap collides only with
     * writes of the same row, which re-seal it under the current key anyway.
     */
    @Override
    public RewrapCounts rewrapDataKeys(RewrapProgress progress) {
        int rewrapped = 0;
        int changedMeanwhile = 0;
        int refused = 0;
        String after = "";
        while (true) {
            List<WrappedKeyRow> page = wrappedKeysAfter(after);
            if (!progress.goOn(rewrapped + changedMeanwhile + refused) || page.isEmpty()) {
                return new RewrapCounts(rewrapped, changedMeanwhile, refused);
            }
            for (WrappedKeyRow row : page) {
                after = row.id();
                EncryptedDataKey next;
                try {
                    next = cipher.rewrapDataKey(row.orgId(), row.dataKey());
                } catch (DataKeyRefused e) {
                    refused++;
                    LOG.warning(() -> "secret row " + row.id() + " of org " + row.orgId() + " cannot be re-wrapped: " + e.getMessage());
                    continue;
                }
                if (storeRewrapped(row, next)) {
                    rewrapped++;
                } else {
                    changedMeanwhile++;
                }
            }
        }
    }

    private Void store(SecretRef ref, Envelope envelope) {
        Instant now = clock.instant();
        EncryptedDataKey dataKey = envelope.dataKey();
        find(ref.orgId(), ref.name(), LockModeType.PESSIMISTIC_WRITE).ifPresentOrElse(
                existing -> existing.seal(ref.kind(), envelope.ciphertext(), envelope.nonce(), dataKey.ciphertext(), dataKey.keyId(), now),
                () -> entityManager.persist(new Secret(ref.orgId(), ref.name(), ref.kind(), envelope.ciphertext(), envelope.nonce(),
                        dataKey.ciphertext(), dataKey.keyId(), now)));
        // flushing here raises a collision inside this method, where put() retries it, in and out of a container
        entityManager.flush();
        return null;
    }

    private Optional<Secret> find(String orgId, String name, LockModeType lock) {
        return entityManager.createNamedQuery(Secret.BY_NAME, Secret.class)
                .setParameter("orgId", orgId)
                .setParameter("name", name)
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    private List<WrappedKeyRow> wrappedKeysAfter(String after) {
        return transactions.inOne(() -> entityManager.createNamedQuery(Secret.DATA_KEYS_AFTER, Object[].class)
                .setParameter("after", after)
                .setMaxResults(REWRAP_PAGE_SIZE)
                .getResultList()
                .stream()
                .map(row -> new WrappedKeyRow((String) row[0], (String) row[1],
                        new EncryptedDataKey((byte[]) row[2], (String) row[3]), ((Number) row[4]).longValue()))
                .toList());
    }

    private boolean storeRewrapped(WrappedKeyRow row, EncryptedDataKey next) {
        try {
            return transactions.inOne(() -> {
                Secret secret = entityManager.find(Secret.class, row.id());
                if (secret == null || secret.version() != row.version()) {
                    return false;
                }
                secret.rewrap(next.ciphertext(), next.keyId(), clock.instant());
                entityManager.flush();
                return true;
            });
        } catch (OptimisticLockException collided) {
            return false;
        }
    }

    private static SecretRef ref(String orgId, String name, SecretKind kind) {
        requireAddress(orgId, name);
        if (kind == null) {
            throw new InvalidInput("a secret kind must be given");
        }
        return new SecretRef(orgId, name, kind);
    }

    private static void requireAddress(String orgId, String name) {
        requireOrg(orgId);
        if (name == null || name.isBlank() || name.length() > Secret.MAX_NAME_LENGTH || !name.equals(name.strip())) {
            throw new InvalidInput("a secret name must be 1 to " + Secret.MAX_NAME_LENGTH
                    + " characters, without leading or trailing spaces");
        }
    }

    private static void requireOrg(String orgId) {
        if (orgId == null || orgId.isBlank() || orgId.length() > 36) {
            throw new InvalidInput("an org id must be given");
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private record WrappedKeyRow(String id, String orgId, EncryptedDataKey dataKey, long version) {
    }
}

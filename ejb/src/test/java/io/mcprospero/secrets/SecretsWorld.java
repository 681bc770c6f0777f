package io.mcprospero.secrets;

import io.mcprospero.datakeys.DataKeyCache;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.kms.CountingKeyManagement;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.KeyManagementFixture;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.testing.ResourceLocalTransactions;
import io.mcprospero.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The secrets store wired by hand as the container would wire it, on one database with one key management
 * adapter: what the contract tests run against, once per combination of {@link Setup}.
 */
final class SecretsWorld implements AutoCloseable {

    /** One combination of key management adapter and database. */
    record Setup(KeyManagementFixture.Kind kms, TestDatabase database) {

        static Stream<Setup> all() {
            List<Setup> setups = new ArrayList<>();
            for (TestDatabase database : TestDatabase.values()) {
                for (KeyManagementFixture.Kind kms : KeyManagementFixture.Kind.values()) {
                    setups.add(new Setup(kms, database));
                }
            }
            return setups.stream();
        }

        SecretsWorld open() {
            // the suite needs real PostgreSQL (README): fail, never skip, when it is not there
            if (!database.isAvailable()) {
                throw new IllegalStateException(database + " is not reachable on 127.0.0.1:5432 (trust auth, user postgres); start it");
            }
            database.factory();
            database.clear("secrets", "memberships", "orgs");
            return new SecretsWorld(database, kms.open());
        }

        @Override
        public String toString() {
            return kms + " on " + database;
        }
    }

    final TestDatabase database;
    final KeyManagementFixture kms;
    final ResourceLocalTransactions transactions;
    final CountingKeyManagement keys;
    final DataKeyCache cache;
    final EnvelopeCipher cipher;
    final JpaSecretsBackend secrets;
    final SecretRotation rotation;

    private SecretsWorld(TestDatabase database, KeyManagementFixture kms) {
        this(database, kms, kms.keys());
    }

    private SecretsWorld(TestDatabase database, KeyManagementFixture kms, KeyManagement adapter) {
        this.database = database;
        this.kms = kms;
        this.transactions = new ResourceLocalTransactions(database.factory());
        this.keys = new CountingKeyManagement(adapter);
        this.cache = new DataKeyCache(1000, Duration.ofMinutes(5), 10_000, Clock.systemUTC());
        DataKeys dataKeys = new DataKeys(keys, cache);
        this.cipher = new EnvelopeCipher(dataKeys);
        this.secrets = new JpaSecretsBackend(transactions.entityManager(), transactions, cipher, Clock.systemUTC());
        this.rotation = new SecretRotation(dataKeys, secrets, Clock.systemUTC());
    }

    /** Another instance of the application on the same database and key management: its cache is cold. */
    SecretsWorld anotherInstance() {
        return new SecretsWorld(database, kms, kms.keys());
    }

    /** Another instance of the application whose key management calls go through the given wrapper. */
    SecretsWorld anotherInstanceWith(java.util.function.UnaryOperator<KeyManagement> wrapper) {
        return new SecretsWorld(database, kms, wrapper.apply(kms.keys()));
    }

    /** An instance of the application on the same database but with another installation's master key. */
    SecretsWorld withAnotherInstallationsMasterKey() {
        return new SecretsWorld(database, kms, kms.anotherInstallation());
    }

    String newOrg(String name) {
        Org org = Org.named(name, Clock.systemUTC().instant());
        transactions.inOne(() -> {
            transactions.entityManager().persist(org);
            return null;
        });
        return org.id();
    }

    /** The raw columns of a secret's row, read directly from the database. */
    Row row(String orgId, String name) {
        Object[] columns = database.queryRow("SELECT id, ciphertext, nonce, encrypted_data_key, key_id, kind FROM secrets "
                + "WHERE org_id = ? AND name = ?", orgId, name);
        return new Row((String) columns[0], (byte[]) columns[1], (byte[]) columns[2], (byte[]) columns[3], (String) columns[4],
                (String) columns[5]);
    }

    record Row(String id, byte[] ciphertext, byte[] nonce, byte[] encryptedDataKey, String keyId, String kind) {
    }

    @Override
    public void close() {
        kms.close();
    }
}

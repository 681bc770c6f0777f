package io.mcprospero.persistence.secrets;

import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One envelope-encrypted secret of an org: the AES-256-GCM ciphertext and its nonce, beside the data key that
 * encrypted it, itself encrypted by the key management service (or the local master key) with the org in the
 * encryption context. The row holds nothing that decrypts without the master key.
 */
@Entity
@Table(name = "secrets")
@NamedQuery(name = Secret.BY_NAME, query = "select s from Secret s where s.orgId = :orgId and s.name = :name")
@NamedQuery(name = Secret.DESCRIPTIONS_OF_ORG,
        query = "select s.name, s.kind, s.createdAt, s.updatedAt from Secret s where s.orgId = :orgId order by s.name")
@NamedQuery(name = Secret.DELETE_BY_NAME, query = "delete from Secret s where s.orgId = :orgId and s.name = :name")
@NamedQuery(name = Secret.DATA_KEYS_AFTER,
        query = "select s.id, s.orgId, s.encryptedDataKey, s.keyId, s.version from Secret s where s.id > :after order by s.id")
public class Secret {

    public static final String BY_NAME = "Secret.byName";
    public static final String DESCRIPTIONS_OF_ORG = "Secret.descriptionsOfOrg";
    public static final String DELETE_BY_NAME = "Secret.deleteByName";
    /** Key set pagination over all rows for re-wrapping: only the columns a re-wrap needs, never the ciphertext. */
    public static final String DATA_KEYS_AFTER = "Secret.dataKeysAfter";

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_KEY_ID_LENGTH = 2048;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, length = 36)
    private String orgId;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SecretKind kind;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(nullable = false)
    private byte[] nonce;

    @Column(name = "encrypted_data_key", nullable = false)
    private byte[] encryptedDataKey;

    @Column(name = "key_id", nullable = false, length = MAX_KEY_ID_LENGTH)
    private String keyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the data key was last encrypted, by a write or a re-wrap; never null (see the migration). */
    @Column(name = "wrapped_at", nullable = false)
    private Instant wrappedAt;

    @Version
    private long version;

    protected Secret() {
    }

    public Secret(String orgId, String name, SecretKind kind, byte[] ciphertext, byte[] nonce, byte[] encryptedDataKey,
                  String keyId, Instant now) {
        this.id = Ids.newId();
        this.orgId = Require.text(orgId, "org id", 36);
        this.name = Require.text(name, "secret name", MAX_NAME_LENGTH);
        this.createdAt = Require.present(now, "creation time");
        seal(kind, ciphertext, nonce, encryptedDataKey, keyId, now);
    }

    /** Replaces the value: a new ciphertext under a new data key. */
    public void seal(SecretKind kind, byte[] ciphertext, byte[] nonce, byte[] encryptedDataKey, String keyId, Instant now) {
        this.kind = Require.present(kind, "secret kind");
        this.ciphertext = Require.present(ciphertext, "ciphertext").clone();
        this.nonce = Require.present(nonce, "nonce").clone();
        this.encryptedDataKey = Require.present(encryptedDataKey, "encrypted data key").clone();
        this.keyId = Require.text(keyId, "key id", MAX_KEY_ID_LENGTH);
        this.updatedAt = Require.present(now, "update time");
        this.wrappedAt = now;
    }

    /** The same data key, encrypted under another master key (version): the ciphertext stays untouched. */
    public void rewrap(byte[] encryptedDataKey, String keyId, Instant now) {
        this.encryptedDataKey = Require.present(encryptedDataKey, "encrypted data key").clone();
        this.keyId = Require.text(keyId, "key id", MAX_KEY_ID_LENGTH);
        this.wrappedAt = Require.present(now, "re-wrap time");
    }

    public String id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String name() {
        return name;
    }

    public SecretKind kind() {
        return kind;
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] encryptedDataKey() {
        return encryptedDataKey.clone();
    }

    public String keyId() {
        return keyId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant wrappedAt() {
        return wrappedAt;
    }

    public long version() {
        return version;
    }
}

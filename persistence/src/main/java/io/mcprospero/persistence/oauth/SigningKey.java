package io.mcprospero.persistence.oauth;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A key MCProspero signs its access tokens with. Kept in the database so that every instance signs and
 * verifies with the same keys; all unretired keys verify. The private half is sealed (envelope-encrypted by the
 * oauth package); rows from before version 5 of the schema hold it in clear until the next start seals them.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.UNRETIRED, query = "select k from SigningKey k where k.retiredAt is null order by k.createdAt desc")
@NamedQuery(name = SigningKey.ALL, query = "select k from SigningKey k order by k.createdAt")
@NamedQuery(name = SigningKey.SEAL_IF_CLEAR, query = "update SigningKey k set k.sealedPrivateJwk = :sealed, k.nonce = :nonce, "
        + "k.encryptedDataKey = :dataKey, k.keyId = :keyId, k.privateJwk = null, k.version = k.version + 1 "
        + "where k.kid = :kid and k.privateJwk is not null")
public class SigningKey {

    public static final String UNRETIRED = "SigningKey.unretired";
    public static final String ALL = "SigningKey.all";
    /** Seals a row that holds its private key in clear; changes nothing when another instance got there first. */
    public static final String SEAL_IF_CLEAR = "SigningKey.sealIfClear";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    /** Only in rows written before the keys were sealed, until the next start seals them. */
    @Column(name = "private_jwk")
    private String privateJwk;

    @Column(name = "sealed_private_jwk")
    private byte[] sealedPrivateJwk;

    @Column(name = "nonce")
    private byte[] nonce;

    @Column(name = "encrypted_data_key")
    private byte[] encryptedDataKey;

    @Column(name = "key_id", length = 2048)
    private String keyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    protected SigningKey() {
    }

    /** A key whose private half is sealed: its ciphertext, nonce, and data key as the key service encrypted it. */
    public SigningKey(String kid, String algorithm, String publicJwk, byte[] sealedPrivateJwk, byte[] nonce,
                      byte[] encryptedDataKey, String keyId, Instant now) {
        this.kid = Require.text(kid, "kid", 64);
        this.algorithm = Require.text(algorithm, "algorithm", 16);
        this.publicJwk = Require.present(publicJwk, "public key");
        this.sealedPrivateJwk = Require.present(sealedPrivateJwk, "sealed private key").clone();
        this.nonce = Require.present(nonce, "nonce").clone();
        this.encryptedDataKey = Require.present(encryptedDataKey, "encrypted data key").clone();
        this.keyId = Require.text(keyId, "key id", 2048);
        this.createdAt = Require.present(now, "creation time");
    }

    /** The same data key, encrypted under the current master key (after a rotation); the ciphertext stays. */
    public void rewrapDataKey(byte[] encryptedDataKey, String keyId) {
        if (sealedPrivateJwk == null) {
            throw new IllegalStateException("signing key " + kid + " is not sealed; there is no data key to re-wrap");
        }
        this.encryptedDataKey = Require.present(encryptedDataKey, "encrypted data key").clone();
        this.keyId = Require.text(keyId, "key id", 2048);
    }

    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    /** The private key in clear: only in a row from before the keys were sealed, else null. */
    public String clearPrivateJwk() {
        return privateJwk;
    }

    public boolean isSealed() {
        return sealedPrivateJwk != null;
    }

    public byte[] sealedPrivateJwk() {
        return sealedPrivateJwk == null ? null : sealedPrivateJwk.clone();
    }

    public byte[] nonce() {
        return nonce == null ? null : nonce.clone();
    }

    public byte[] encryptedDataKey() {
        return encryptedDataKey == null ? null : encryptedDataKey.clone();
    }

    public String keyId() {
        return keyId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

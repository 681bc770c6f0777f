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
 * verifies with the same keys; the newest active key signs, all unretired keys verify.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.UNRETIRED, query = "select k from SigningKey k where k.retiredAt is null order by k.createdAt desc")
public class SigningKey {

    public static final String UNRETIRED = "SigningKey.unretired";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private long version;

    protected SigningKey() {
    }

    public SigningKey(String kid, String algorithm, String publicJwk, String privateJwk, Instant now) {
        this.kid = Require.text(kid, "kid", 64);
        this.algorithm = Require.text(algorithm, "algorithm", 16);
        this.publicJwk = Require.present(publicJwk, "public key");
        this.privateJwk = Require.present(privateJwk, "private key");
        this.createdAt = Require.present(now, "creation time");
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

    public String privateJwk() {
        return privateJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

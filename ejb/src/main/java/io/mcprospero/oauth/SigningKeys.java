package io.mcprospero.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mcprospero.config.VerificationKeys;
import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.datakeys.Envelope;
import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.persistence.oauth.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The authorization server's RS256 signing keys, kept in the shared database so every instance signs and
 * verifies with the same keys. All instances sign with the oldest unretired key: when two instances start
 * on an empty database at once and each creates a key, both still agree on which one signs.
 *
 * <p>The private halves are sealed like secrets: AES-256-GCM under a data key of their own from the key
 * management service, bound to {@code purpose=oauth-signing-key} and the key's kid (the encryption context, and
 * the additional data), so a copy of the database cannot sign tokens without the master key.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    private EntityManager entityManager;
    private DataKeys dataKeys;
    private Clock clock;
    private volatile RSAKey signing;
    private volatile JWKSet publicKeys;

    protected SigningKeys() {
        // for the CDI proxy
    }

    @Inject
    public SigningKeys(EntityManager entityManager, DataKeys dataKeys, Clock clock) {
        this.entityManager = entityManager;
        this.dataKeys = dataKeys;
        this.clock = clock;
    }

    /**
     * Loads the keys, creating the first one on an empty database and sealing any still in clear, and publishes
     * them to MP-JWT.
     */
    @Transactional
    public void load() {
        List<SigningKey> keys = unretired();
        if (keys.isEmpty()) {
            entityManager.persist(generate());
            entityManager.flush();
            keys = unretired();
        }
        if (keys.stream().anyMatch(key -> !key.isSealed())) {
            keys.stream().filter(key -> !key.isSealed()).forEach(this::sealInPlace);
            entityManager.clear();
            keys = unretired();
        }
        try {
            List<RSAKey> parsed = keys.stream().map(this::open).map(SigningKeys::parse).toList();
            signing = parsed.get(parsed.size() - 1);
            publicKeys = new JWKSet(parsed.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
        } catch (IllegalStateException e) {
            // the cause names the key; the operator reads this line first
            throw new IllegalStateException("a signing key in the database cannot be read: " + e.getMessage(), e);
        }
        VerificationKeys.publish(ConfigProvider.getConfig(), publicKeys.toString());
        LOG.info(() -> "signing with key " + signing.getKeyID() + "; " + publicKeys.getKeys().size() + " verification key(s) published");
    }

    /**
     * After a master key rotation: every sealed key's data key, encrypted again under the current master key (in
     * the key service; the plain data key never comes here). Retired keys too, since they may still be read.
     */
    @Transactional
    public RewrapCounts rewrapDataKeys() {
        int rewrapped = 0;
        int refused = 0;
        for (SigningKey row : entityManager.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList()) {
            if (!row.isSealed()) {
                continue;
            }
            try {
                EncryptedDataKey next = dataKeys.rewrap(new EncryptedDataKey(row.encryptedDataKey(), row.keyId()), contextOf(row.kid()));
                row.rewrapDataKey(next.ciphertext(), next.keyId());
                rewrapped++;
            } catch (DataKeyRefused e) {
                refused++;
                LOG.warning(() -> "signing key " + row.kid() + ": the key management service refused its data key: " + e.getMessage());
            }
        }
        return new RewrapCounts(rewrapped, 0, refused);
    }

    public RSAKey signingKey() {
        if (signing == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return signing;
    }

    public JWKSet publicKeys() {
        return publicKeys;
    }

    private List<SigningKey> unretired() {
        // newest first by the named query; the oldest signs
        return entityManager.createNamedQuery(SigningKey.UNRETIRED, SigningKey.class).getResultList();
    }

    private SigningKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Envelope sealed = seal(key.getKeyID(), key.toJSONString());
            return new SigningKey(key.getKeyID(), JWSAlgorithm.RS256.getName(), key.toPublicJWK().toJSONString(),
                    sealed.ciphertext(), sealed.nonce(), sealed.dataKey().ciphertext(), sealed.dataKey().keyId(), clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    /** A row from before the keys were sealed: sealed now, unless another instance starting at once did it first. */
    private void sealInPlace(SigningKey row) {
        Envelope sealed = seal(row.kid(), row.clearPrivateJwk());
        int updated = entityManager.createNamedQuery(SigningKey.SEAL_IF_CLEAR)
                .setParameter("sealed", sealed.ciphertext())
                .setParameter("nonce", sealed.nonce())
                .setParameter("dataKey", sealed.dataKey().ciphertext())
                .setParameter("keyId", sealed.dataKey().keyId())
                .setParameter("kid", row.kid())
                .executeUpdate();
        if (updated == 1) {
            LOG.info(() -> "sealed signing key " + row.kid() + ", which was stored in clear");
        }
    }

    private Envelope seal(String kid, String privateJwk) {
        EncryptionContext context = contextOf(kid);
        return dataKeys.seal(context, context.canonical(), privateJwk.getBytes(StandardCharsets.UTF_8));
    }

    /** The private JWK of a sealed row; fails closed, naming the key, when it cannot be decrypted. */
    private KeyText open(SigningKey row) {
        if (!row.isSealed()) {
            throw new IllegalStateException("signing key " + row.kid() + " is still stored in clear after sealing");
        }
        EncryptionContext context = contextOf(row.kid());
        try {
            byte[] plaintext = dataKeys.open(context, context.canonical(), new Envelope(row.sealedPrivateJwk(), row.nonce(),
                    new EncryptedDataKey(row.encryptedDataKey(), row.keyId())));
            return new KeyText(row.kid(), new String(plaintext, StandardCharsets.UTF_8));
        } catch (DataKeyRefused e) {
            throw new IllegalStateException("signing key " + row.kid() + " cannot be decrypted: the key management service "
                    + "refused its data key (" + e.getMessage() + "); is this the master key it was sealed with?", e);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("signing key " + row.kid() + " cannot be decrypted: the row was altered");
        }
    }

    private static EncryptionContext contextOf(String kid) {
        return EncryptionContext.of("purpose", "oauth-signing-key").with("kid", kid);
    }

    private static RSAKey parse(KeyText key) {
        try {
            return RSAKey.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + key.kid() + " is not a valid RSA JWK");
        }
    }

    /** A private key in clear, in memory only; toString leaves it out. */
    private record KeyText(String kid, String privateJwk) {
        @Override
        public String toString() {
            return "KeyText[" + kid + "]";
        }
    }
}

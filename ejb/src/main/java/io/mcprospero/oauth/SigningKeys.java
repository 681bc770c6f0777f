package io.mcprospero.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.mcprospero.config.VerificationKeys;
import io.mcprospero.persistence.oauth.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The authorization server's RS256 signing keys, kept in the shared database so every instance signs and
 * verifies with the same keys. All instances sign with the oldest unretired key: when two instances start
 * on an empty database at once and each creates a key, both still agree on which one signs.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    private EntityManager entityManager;
    private Clock clock;
    private volatile RSAKey signing;
    private volatile JWKSet publicKeys;

    protected SigningKeys() {
        // for the CDI proxy
    }

    @Inject
    public SigningKeys(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Loads the keys, creating the first one on an empty database, and publishes them to MP-JWT. */
    @Transactional
    public void load() {
        List<SigningKey> keys = unretired();
        if (keys.isEmpty()) {
            entityManager.persist(generate());
            entityManager.flush();
            keys = unretired();
        }
        try {
            List<RSAKey> parsed = keys.stream().map(SigningKeys::parse).toList();
            signing = parsed.get(parsed.size() - 1);
            publicKeys = new JWKSet(parsed.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a signing key in the database cannot be read", e);
        }
        VerificationKeys.publish(ConfigProvider.getConfig(), publicKeys.toString());
        LOG.info(() -> "signing with key " + signing.getKeyID() + "; " + publicKeys.getKeys().size() + " verification key(s) published");
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
            return new SigningKey(key.getKeyID(), JWSAlgorithm.RS256.getName(), key.toPublicJWK().toJSONString(),
                    key.toJSONString(), clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private static RSAKey parse(SigningKey row) {
        try {
            return RSAKey.parse(row.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + row.kid() + " is not a valid RSA JWK");
        }
    }
}

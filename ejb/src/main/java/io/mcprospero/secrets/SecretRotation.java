package io.mcprospero.secrets;

import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.datakeys.RewrapProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The admin operation "rotate the secrets' master key": a new master key version becomes current (local key
 * file; with AWS KMS the key material is rotated in KMS), then every stored data key is re-wrapped under it.
 * Ciphertexts are not touched; earlier master key versions stay readable, so reads work throughout, and a
 * rotation cut short is completed by running it again.
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class.getName());

    private DataKeys dataKeys;
    private SecretsBackend secrets;
    private Clock clock;

    protected SecretRotation() {
        // for the CDI proxy
    }

    @Inject
    public SecretRotation(DataKeys dataKeys, SecretsBackend secrets, Clock clock) {
        this.dataKeys = dataKeys;
        this.secrets = secrets;
        this.clock = clock;
    }

    public RotationSummary rotateAll() {
        return rotateAll(RewrapProgress.UNWATCHED);
    }

    /** As {@link #rotateAll()}, telling {@code progress} before each page and stopping when it says so. */
    public RotationSummary rotateAll(RewrapProgress progress) {
        Instant start = clock.instant();
        String keyId = dataKeys.rotateMasterKey();
        LOG.info(() -> "secrets: master key " + keyId + " is current; re-wrapping the stored data keys");
        RewrapCounts counts = secrets.rewrapDataKeys(progress);
        RotationSummary summary = new RotationSummary(keyId, counts.rewrapped(), counts.changedMeanwhile(), counts.refused(),
                Duration.between(start, clock.instant()));
        LOG.info(() -> "secrets: rotation done: " + summary);
        return summary;
    }
}

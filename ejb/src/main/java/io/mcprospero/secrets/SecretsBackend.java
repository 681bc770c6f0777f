package io.mcprospero.secrets;

import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.datakeys.RewrapProgress;
import io.mcprospero.persistence.secrets.SecretKind;
import java.util.List;
import java.util.Optional;

/**
 * Where an org's secrets (connected accounts' tokens, API keys, webhook secrets) are kept, encrypted. Callers
 * have already authorized the caller for the org; values are bytes the caller owns and should wipe after use.
 */
public interface SecretsBackend {

    /** The largest value accepted: 1 MiB. */
    int MAX_VALUE_BYTES = 1 << 20;

    /** Stores the value under the name, replacing any earlier value (with a new data key). */
    void put(String orgId, String name, SecretKind kind, byte[] value);

    /** The decrypted value, or empty if the org has no secret of that name. */
    Optional<byte[]> get(String orgId, String name);

    /** Whether there was a secret of that name to delete. */
    boolean delete(String orgId, String name);

    /** The org's secrets by name, without their values. */
    List<SecretInfo> list(String orgId);

    /**
     * Re-encrypts every stored data key under the current master key, leaving the ciphertexts untouched;
     * reads and writes keep working meanwhile.
     */
    RewrapCounts rewrapDataKeys(RewrapProgress progress);
}

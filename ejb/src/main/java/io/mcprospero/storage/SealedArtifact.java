package io.mcprospero.storage;

/**
 * Where a sealed artifact lies and the AES-256 key that opens it. The key is as secret as the content: it is kept only
 * inside a secret of the artifact's org (sealed with that org's data key), never beside the artifact.
 */
public record SealedArtifact(String key, byte[] contentKey) {

    @Override
    public String toString() {
        return "artifact " + key;
    }
}

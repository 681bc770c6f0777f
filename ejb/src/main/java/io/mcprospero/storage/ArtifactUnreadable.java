package io.mcprospero.storage;

import io.mcprospero.failure.DomainException;

/** A sealed artifact that cannot be read back now: the store did not answer, the artifact is gone, or it was altered. */
public final class ArtifactUnreadable extends DomainException {

    public ArtifactUnreadable(String message) {
        super(message);
    }
}

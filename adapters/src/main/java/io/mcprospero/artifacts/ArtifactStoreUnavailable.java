package io.mcprospero.artifacts;

/** The artifact store could not do what was asked (unreachable, refused, out of space); the message says which and why. */
public final class ArtifactStoreUnavailable extends RuntimeException {

    public ArtifactStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

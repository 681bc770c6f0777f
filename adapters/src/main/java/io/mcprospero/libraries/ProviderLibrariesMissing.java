package io.mcprospero.libraries;

/** The provider libraries could not be loaded: the build left them out, or the temporary directory is not writable. */
public final class ProviderLibrariesMissing extends RuntimeException {

    public ProviderLibrariesMissing(String message) {
        super(message);
    }
}

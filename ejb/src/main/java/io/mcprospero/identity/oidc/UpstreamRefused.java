package io.mcprospero.identity.oidc;

/** The upstream sign-in did not prove an identity: the provider said no, or its answer did not verify. Fails closed. */
public final class UpstreamRefused extends RuntimeException {

    public UpstreamRefused(String message) {
        super(message, null, false, false);
    }
}

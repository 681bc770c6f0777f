package io.mcprospero.identity.oidc;

/** The upstream identity provider cannot be reached (down, slow, or answering garbage): sign-in cannot start or finish. */
public final class UpstreamUnavailable extends RuntimeException {

    public UpstreamUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

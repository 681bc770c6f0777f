package io.mcprospero.oauth;

/**
 * A browser request over a per-address limit (authorization requests): shown as a page with status 429 and
 * Retry-After, never as a redirect to the client.
 */
public final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

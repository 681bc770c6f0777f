package io.mcprospero.oauth;

/**
 * An OAuth protocol error with its RFC 6749 / 7591 error code. The OAuth endpoints turn it into the
 * JSON error response (or the error redirect) the client expects; the description says what to fix.
 */
public final class OAuthError extends RuntimeException {

    private final String code;
    private final int status;
    private final long retryAfterSeconds;

    public OAuthError(String code, String description, int status) {
        this(code, description, status, 0);
    }

    private OAuthError(String code, String description, int status, long retryAfterSeconds) {
        super(description, null, false, false);
        this.code = code;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidClientMetadata(String description) {
        return new OAuthError("invalid_client_metadata", description, 400);
    }

    public static OAuthError invalidRedirectUri(String description) {
        return new OAuthError("invalid_redirect_uri", description, 400);
    }

    /** RFC 7591 defines no code for a rate limit; this one is RFC-shaped and says it plainly, with Retry-After. */
    public static OAuthError tooManyRequests(String description, long retryAfterSeconds) {
        return new OAuthError("too_many_requests", description, 429, retryAfterSeconds);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Seconds a client should wait before trying again; 0 when the error is not about a rate. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String description() {
        return getMessage();
    }
}

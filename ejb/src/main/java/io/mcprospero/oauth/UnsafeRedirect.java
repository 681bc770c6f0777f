package io.mcprospero.oauth;

/**
 * An /authorize request whose client or redirect URI cannot be trusted: the error is shown to the person
 * on a page and never sent to the redirect URI (RFC 6749 §4.1.2.1), so it cannot become an open redirect.
 */
public final class UnsafeRedirect extends RuntimeException {

    public UnsafeRedirect(String message) {
        super(message, null, false, false);
    }
}

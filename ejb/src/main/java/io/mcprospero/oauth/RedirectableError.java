package io.mcprospero.oauth;

/** An /authorize error that goes back to the client's (already validated) redirect URI. */
public final class RedirectableError extends RuntimeException {

    private final String redirectUri;
    private final String state;
    private final String code;

    public RedirectableError(String redirectUri, String state, String code, String description) {
        super(description, null, false, false);
        this.redirectUri = redirectUri;
        this.state = state;
        this.code = code;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }

    public String code() {
        return code;
    }
}

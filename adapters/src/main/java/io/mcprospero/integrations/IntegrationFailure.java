package io.mcprospero.integrations;

/**
 * A provider refused or failed a call. The message is written for the person and the model and never holds a token
 * or a message body; the kind says what the caller does next.
 */
public class IntegrationFailure extends RuntimeException {

    public enum Kind {
        /** The access token was not accepted: refresh it and try once more. */
        UNAUTHORIZED,
        /** The grant is gone (revoked, expired refresh token, account removed): the person must connect again. */
        RECONNECT,
        /** The provider refused this request (bad input, no such item, not allowed): the model should hear why. */
        REFUSED,
        /** The provider could not be reached or failed on its side: a later try may succeed. */
        UNAVAILABLE
    }

    private final Kind kind;

    public IntegrationFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

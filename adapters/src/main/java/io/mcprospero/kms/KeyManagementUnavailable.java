package io.mcprospero.kms;

/**
 * The key management service could not be used: unreachable, throttled, access denied, the key disabled or
 * deleted, or the local key file unreadable. Often temporary, unlike {@link DataKeyRefused}.
 */
public final class KeyManagementUnavailable extends RuntimeException {

    public KeyManagementUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

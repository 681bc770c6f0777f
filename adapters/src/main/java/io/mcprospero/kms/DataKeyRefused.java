package io.mcprospero.kms;

/**
 * The master key would not decrypt a data key: it was encrypted for another encryption context (another
 * org), was altered, or was encrypted under a master key this server does not have. Never a retryable
 * failure, and its message never carries key material.
 */
public final class DataKeyRefused extends RuntimeException {

    public DataKeyRefused(String message) {
        super(message);
    }

    public DataKeyRefused(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.mcprospero.failure;

/**
 * A stored secret cannot be decrypted: its row was altered or moved to another org, or the master key is
 * not the one it was written with. Storing the secret again (connecting the account again) repairs it. The
 * message names the secret and the reason, never its content.
 */
public final class SecretUnreadable extends DomainException {

    public SecretUnreadable(String message) {
        super(message);
    }
}

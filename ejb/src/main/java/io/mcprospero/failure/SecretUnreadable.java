package io.mcprospero.failure;

/**
 * A stored secret cannot be decrypted: its row was altered or moved to another org, or the master key is
 * not the one it was written with. Storing the secret again (connecting the account again) repairs it. The
 * message names the secret and the reason, never its content; the detail, for the operator's log only, says
 * what the key management service answered (key ids, file paths), which a caller has no business seeing.
 */
public final class SecretUnreadable extends DomainException {

    private final String detail;

    public SecretUnreadable(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}

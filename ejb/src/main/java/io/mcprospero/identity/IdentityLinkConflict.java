package io.mcprospero.identity;

/**
 * An upstream sign-in whose email belongs to an account linked to another identity at the provider (another subject),
 * or that would link an account through an email the provider did not verify. Refused, and nothing is changed: the
 * email alone never makes someone the person who owns the account.
 */
public final class IdentityLinkConflict extends RuntimeException {

    public IdentityLinkConflict(String message) {
        super(message, null, false, false);
    }
}

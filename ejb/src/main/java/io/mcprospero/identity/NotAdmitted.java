package io.mcprospero.identity;

/** A first sign-in by someone the signup allowlist does not admit: nothing is created, and they see the invite-only page. */
public final class NotAdmitted extends RuntimeException {

    public NotAdmitted() {
        super("MCProspero is invite-only", null, false, false);
    }
}

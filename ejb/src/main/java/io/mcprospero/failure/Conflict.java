package io.mcprospero.failure;

/** The request clashes with the current state (a duplicate, or a change made in the meantime). */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}

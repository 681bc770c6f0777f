package io.mcprospero.failure;

/** The caller may not do this in the current org, or is not signed in. */
public final class NotAuthorized extends DomainException {

    public NotAuthorized(String message) {
        super(message);
    }
}

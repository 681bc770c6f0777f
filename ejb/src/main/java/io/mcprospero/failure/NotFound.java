package io.mcprospero.failure;

/** What the request names does not exist, or is not visible to the caller (the two are not told apart). */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}

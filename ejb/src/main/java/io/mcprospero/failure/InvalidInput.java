package io.mcprospero.failure;

/** The request's content is wrong; the message says which field and what is expected. */
public final class InvalidInput extends DomainException {

    public InvalidInput(String message) {
        super(message);
    }
}

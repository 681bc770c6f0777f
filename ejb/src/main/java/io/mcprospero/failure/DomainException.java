package io.mcprospero.failure;

/**
 * A refusal the caller can act on. Its message is written for the person or model that made the request
 * (what was wrong, what to do) and never carries a secret; each boundary (MCP, OAuth, REST) maps these
 * exceptions to its own error shape in exactly one place.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}

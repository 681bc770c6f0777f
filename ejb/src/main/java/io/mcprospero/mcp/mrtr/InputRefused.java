package io.mcprospero.mcp.mrtr;

/** The answers or the request state of a retry cannot be accepted; the message says why and what to do. */
public final class InputRefused extends RuntimeException {

    public InputRefused(String message) {
        super(message, null, false, false);
    }
}

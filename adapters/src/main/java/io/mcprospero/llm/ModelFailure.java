package io.mcprospero.llm;

/** Why a model call failed; {@link #retryable()} says whether trying again later may help. */
public class ModelFailure extends Exception {

    public enum Kind { RATE_LIMITED, UNAVAILABLE, REFUSED, MALFORMED, NOT_CONFIGURED }

    private final Kind kind;

    public ModelFailure(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }

    public String reason() {
        return getMessage();
    }
}

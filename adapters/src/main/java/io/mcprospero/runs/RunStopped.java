package io.mcprospero.runs;

/**
 * A business reason that ends a run and that retrying cannot change (budget spent, tool not approved, no model
 * configured, a refusal by the model provider). The workflow engine does not retry it.
 */
public class RunStopped extends RuntimeException {

    public RunStopped(String reason) {
        super(reason);
    }
}

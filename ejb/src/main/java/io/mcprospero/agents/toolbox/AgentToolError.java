package io.mcprospero.agents.toolbox;

/** A tool call that failed in a way the model should be told about (bad input, a refused host, a remote error). */
public class AgentToolError extends RuntimeException {

    public AgentToolError(String message) {
        super(message);
    }
}

package io.mcprospero.agents.toolbox;

/**
 * A tool call that failed in a way the model should be told about (bad input, a refused host, a remote error). One that
 * {@link #stopsRun()} also ends the run with its message as the reason: what it needs is the person's (reconnect an account).
 */
public class AgentToolError extends RuntimeException {

    private final boolean stopsRun;

    public AgentToolError(String message) {
        this(message, false);
    }

    public AgentToolError(String message, boolean stopsRun) {
        super(message, null, false, false);
        this.stopsRun = stopsRun;
    }

    public boolean stopsRun() {
        return stopsRun;
    }
}

package io.mcprospero.runs;

/**
 * What the application asks of the workflow engine for agents. Each agent on a schedule has one long-lived schedule
 * workflow; a run is a workflow of its own, whose id is the run's id.
 */
public interface AgentEngine {

    /** Starts the agent's schedule, or, when it runs already, gives it the new schedule and resumes it. */
    void schedule(String agentId, ScheduleSpec spec);

    /** Pauses the agent's schedule (no run starts until {@link #schedule} again); nothing when it has none. */
    void pause(String agentId);

    /** Ends the agent's schedule for good (deleted, or no longer on a schedule); nothing when it has none. */
    void unschedule(String agentId);

    /** Whether the agent's schedule workflow is running (paused or not). */
    boolean isScheduled(String agentId);

    /** Starts a run now; a second start of the same run id starts nothing. */
    void start(RunRequest request);

    /** Asks a run to stop at its next step, which closes it as cancelled; nothing when it has ended or never ran. */
    void cancel(String runId);
}

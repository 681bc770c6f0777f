package io.mcprospero.runs;

/**
 * The steps of one agent run, as the application performs them (with its database, model provider and tools). The
 * workflow engine calls each as an activity, retrying what fails for a passing reason; each step is idempotent,
 * since a retry or a replay may call it again for the same run and turn.
 */
public interface AgentSteps {

    /** Opens the run's record (once, whatever the retries) and says whether it goes ahead. */
    RunStart begin(RunRequest request);

    /** One model turn: the transcript so far goes to the model; its answer is kept, its units charged. */
    Thought think(String runId, int turn);

    /** Performs one tool call the model asked for in {@code turn}, at most once per call id. */
    void act(String runId, int turn, String callId);

    /** Closes the run's record with its outcome. */
    RunSummary finish(String runId, String status, String reason);
}

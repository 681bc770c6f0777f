package io.mcprospero.temporal.agents;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.temporal.activity.ActivityInterface;

/** The run's steps as Temporal activities (see {@link io.mcprospero.runs.AgentSteps}). */
@ActivityInterface
public interface RunActivities {

    RunStart begin(RunRequest request);

    Thought think(String runId, int turn);

    void act(String runId, int turn, String callId);

    RunSummary finish(String runId, String status, String reason);
}

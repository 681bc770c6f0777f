package io.mcprospero.temporal.agents;

import io.mcprospero.runs.AgentSteps;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunStopped;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/** Hands each activity to the application's steps; a business stop becomes a failure Temporal does not retry. */
public final class RunActivitiesImpl implements RunActivities {

    static final String STOPPED = "RunStopped";

    private final AgentSteps steps;

    public RunActivitiesImpl(AgentSteps steps) {
        this.steps = steps;
    }

    @Override
    public RunStart begin(RunRequest request) {
        return stopping(() -> steps.begin(request));
    }

    @Override
    public Thought think(String runId, int turn) {
        return stopping(() -> steps.think(runId, turn));
    }

    @Override
    public void act(String runId, int turn, String callId) {
        stopping(() -> {
            steps.act(runId, turn, callId);
            return null;
        });
    }

    @Override
    public RunSummary finish(String runId, String status, String reason) {
        return stopping(() -> steps.finish(runId, status, reason));
    }

    private static <T> T stopping(Supplier<T> step) {
        try {
            return step.get();
        } catch (RunStopped stopped) {
            throw ApplicationFailure.newNonRetryableFailure(stopped.getMessage(), STOPPED);
        }
    }
}

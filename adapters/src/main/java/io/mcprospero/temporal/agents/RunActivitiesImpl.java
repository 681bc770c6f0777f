package io.mcprospero.temporal.agents;

import io.mcprospero.runs.AgentSteps;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunStopped;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hands each activity to the application's steps; a business stop becomes a failure Temporal does not retry. While a
 * step runs (a model call may take a minute) it heartbeats, so that when this instance dies (kill -9, a lost node)
 * Temporal notices within the heartbeat timeout and gives the step to another worker, instead of waiting out the
 * whole start-to-close timeout.
 */
public final class RunActivitiesImpl implements RunActivities {

    static final String STOPPED = "RunStopped";
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(3);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mcprospero-activity-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

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
        ActivityExecutionContext activity = Activity.getExecutionContext();
        ScheduledFuture<?> beating = HEARTBEATS.scheduleAtFixedRate(() -> heartbeat(activity), 0, HEARTBEAT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return step.get();
        } catch (RunStopped stopped) {
            throw ApplicationFailure.newNonRetryableFailure(stopped.getMessage(), STOPPED);
        } finally {
            beating.cancel(false);
        }
    }

    private static void heartbeat(ActivityExecutionContext activity) {
        try {
            activity.heartbeat(null);
        } catch (ActivityCompletionException | IllegalStateException over) {
            // the attempt timed out, was cancelled or ended meanwhile: the step's own outcome is what counts
        }
    }
}

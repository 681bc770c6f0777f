package io.mcprospero.temporal.agents;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * One run's story: it begins (or is skipped), then the model thinks and the tools act, turn by turn, until the model
 * is done or the turn limit is reached, and the run is closed with its outcome. Every effect is an activity, so this
 * code only decides what comes next and replays to the same decisions; the transcript lives in the database.
 */
public class AgentRunWorkflowImpl implements AgentRunWorkflow {

    /**
     * Passing failures (a database hiccup, a 503 after the adapter's own retries) are retried; a RunStopped never. A
     * step heartbeats while it runs, so a worker that died is noticed after the heartbeat timeout and the step retried
     * elsewhere; start-to-close bounds a step that hangs while heartbeating; schedule-to-close bounds all attempts.
     */
    static final ActivityOptions STEPS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(3))
            .setHeartbeatTimeout(Duration.ofSeconds(15))
            .setScheduleToCloseTimeout(Duration.ofMinutes(20))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(30))
                    .setMaximumAttempts(5)
                    .setDoNotRetry(RunActivitiesImpl.STOPPED)
                    .build())
            .build();

    private final RunActivities steps = Workflow.newActivityStub(RunActivities.class, STEPS);

    @Override
    public RunSummary run(RunRequest request) {
        try {
            RunStart start = steps.begin(request);
            if (!start.proceed()) {
                return new RunSummary(request.runId(), "skipped", start.reason());
            }
            for (int turn = 0; turn < start.maxTurns(); turn++) {
                Thought thought = steps.think(request.runId(), turn);
                if (thought.done()) {
                    return steps.finish(request.runId(), "completed", null);
                }
                for (String callId : thought.toolCallIds()) {
                    steps.act(request.runId(), turn, callId);
                }
            }
            return steps.finish(request.runId(), "failed", "the run reached its limit of " + start.maxTurns() + " model turns");
        } catch (ActivityFailure | CanceledFailure failure) {
            if (CancellationScope.current().isCancelRequested()) {
                // the person cancelled it: the record is closed outside the cancelled scope, or it would stay "running"
                RunSummary[] closed = new RunSummary[1];
                Workflow.newDetachedCancellationScope(() -> closed[0] = steps.finish(request.runId(), "cancelled",
                        "cancelled by the person")).run();
                return closed[0];
            }
            if (failure instanceof ActivityFailure activity) {
                return steps.finish(request.runId(), "failed", reasonOf(activity));
            }
            throw failure;
        }
    }

    private static String reasonOf(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure application) {
            return application.getOriginalMessage();
        }
        return failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
    }
}

package io.mcprospero.temporal.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStopped;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The run's steps meet failures as Temporal's guidance says: explicit timeouts and a bounded retry policy on every
 * step; a business stop (RunStopped: a spent budget, a refusing provider) is not retried and ends the run with its
 * reason; a passing failure is retried and the run goes on.
 */
class RunStepFailuresTest {

    @Test
    void everyStepHasExplicitTimeoutsAndABoundedRetryPolicyThatNeverRetriesABusinessStop() {
        ActivityOptions steps = AgentRunWorkflowImpl.STEPS;

        assertThat(steps.getStartToCloseTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(steps.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(steps.getScheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(RunActivitiesImpl.HEARTBEAT_EVERY).isLessThan(steps.getHeartbeatTimeout().dividedBy(3));
        assertThat(steps.getRetryOptions().getMaximumAttempts()).isEqualTo(5);
        assertThat(steps.getRetryOptions().getMaximumInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(steps.getRetryOptions().getDoNotRetry()).containsExactly(RunActivitiesImpl.STOPPED);
    }

    private static RunSummary run(ScriptedSteps steps) {
        try (TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance()) {
            AgentWorkflowHistories.worker(environment, steps);
            environment.start();
            AgentRunWorkflow run = environment.getWorkflowClient().newWorkflowStub(AgentRunWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId("agent-1@1").setTaskQueue(AgentWorkflowHistories.QUEUE).build());
            return run.run(new RunRequest("agent-1", "agent-1@1", "schedule", null, null));
        }
    }

    @Test
    void aBusinessStopIsNotRetriedAndEndsTheRunWithItsReason() {
        AtomicInteger thinks = new AtomicInteger();
        ScriptedSteps steps = new ScriptedSteps() {
            @Override
            public Thought think(String runId, int turn) {
                thinks.incrementAndGet();
                throw new RunStopped("the org's daily budget of 50 units is spent");
            }
        };

        RunSummary summary = run(steps);

        assertThat(summary).isEqualTo(new RunSummary("agent-1@1", "failed", "the org's daily budget of 50 units is spent"));
        assertThat(thinks).hasValue(1);
        assertThat(steps.calls.get("finish")).hasValue(1);
    }

    @Test
    void aPassingFailureIsRetriedAndTheRunGoesOn() {
        AtomicInteger thinks = new AtomicInteger();
        ScriptedSteps steps = new ScriptedSteps() {
            @Override
            public Thought think(String runId, int turn) {
                if (thinks.incrementAndGet() == 1) {
                    throw new IllegalStateException("the database did not answer");
                }
                return super.think(runId, turn);
            }
        };

        RunSummary summary = run(steps);

        assertThat(summary).isEqualTo(new RunSummary("agent-1@1", "completed", null));
        assertThat(thinks).as("turn 0 twice, turn 1 once").hasValue(3);
        assertThat(steps.calls.get("act")).hasValue(1);
    }
}

package io.mcprospero.temporal.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunSummary;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Determinism: the histories recorded from AgentRunWorkflow and AgentScheduleWorkflow (src/test/resources/histories,
 * see {@link RecordAgentWorkflowHistories}) replay against today's code, so a change that would break runs and
 * schedules in flight on a cluster fails here first. A run recorded now replays too, and a changed story is caught.
 */
class AgentWorkflowsReplayTest {

    @Test
    void theRecordedRunReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/agent-run.json", AgentRunWorkflowImpl.class);
    }

    @Test
    void theRecordedScheduleReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource("histories/agent-schedule.json", AgentScheduleWorkflowImpl.class);
    }

    @Test
    void storiesPlayedTodayReplayAndEachStepRanOnce() throws Exception {
        ScriptedSteps steps = new ScriptedSteps();
        String run;
        String schedule;
        try (TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance()) {
            AgentWorkflowHistories.worker(environment, steps);
            environment.start();
            run = AgentWorkflowHistories.run(environment);
            assertThat(steps.calls).containsOnlyKeys("begin", "think", "act", "finish");
            assertThat(steps.calls.get("begin")).hasValue(1);
            assertThat(steps.calls.get("think")).hasValue(2);
            assertThat(steps.calls.get("act")).hasValue(1);
            assertThat(steps.calls.get("finish")).hasValue(1);
            schedule = AgentWorkflowHistories.schedule(environment);
        }

        WorkflowReplayer.replayWorkflowExecution(run, AgentRunWorkflowImpl.class);
        WorkflowReplayer.replayWorkflowExecution(schedule, AgentScheduleWorkflowImpl.class);
        assertThat(schedule).as("the schedule started its runs as children named for the fire").contains("agent-2@");
    }

    @Test
    void aRunWhoseStoryChangedFailsTheReplay() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource("histories/agent-run.json", SkipsTheTools.class))
                .hasMessageContaining("NonDeterministicException").hasMessageContaining("'name: \"Finish\"").hasMessageContaining("'name: \"Think\"");
    }

    @Test
    void aScheduleThatReadsTheWallClockFailsTheReplay() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource("histories/agent-schedule.json", SleepsFirst.class))
                .hasMessageContaining("NonDeterministicException");
    }

    /** A run that no longer performs the tool calls the model asked for: not the story the history tells. */
    public static class SkipsTheTools implements AgentRunWorkflow {
        private final RunActivities steps = Workflow.newActivityStub(RunActivities.class, AgentRunWorkflowImpl.STEPS);

        @Override
        public RunSummary run(RunRequest request) {
            steps.begin(request);
            return steps.finish(request.runId(), "completed", null);
        }
    }

    /** A schedule that sleeps a fixed time before its first fire: a new timer the history does not have. */
    public static class SleepsFirst extends AgentScheduleWorkflowImpl {
        @Override
        public void run(ScheduleState state) {
            Workflow.sleep(Duration.ofSeconds(7));
            super.run(state);
        }
    }
}

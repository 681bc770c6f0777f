package io.mcprospero.temporal.agents;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.ScheduleSpec;
import io.mcprospero.schedule.FireTimes;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sleeps until the next fire time (computed with the workflow's clock, so replays agree), starts that fire's run and
 * goes on; a new schedule or a pause wakes it early. The run's id is the agent's id and the fire time, and a run id
 * is never started twice, so a fire survives a crash or a second instance without running twice. After a bounded
 * number of fires it continues as new, which keeps its history short.
 */
public class AgentScheduleWorkflowImpl implements AgentScheduleWorkflow {

    static final int FIRES_PER_HISTORY = 100;

    private String agentId;
    private ScheduleSpec spec;
    private boolean paused;
    private boolean changed;

    @Override
    public void run(ScheduleState state) {
        agentId = state.agentId();
        if (spec == null) {
            // a signal delivered with the start may already have set a newer one
            spec = state.spec();
            paused = state.paused();
        }
        int fires = 0;
        while (fires < FIRES_PER_HISTORY) {
            if (paused) {
                Workflow.await(() -> !paused);
                continue;
            }
            changed = false;
            Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
            Optional<Instant> next = FireTimes.of(spec.cron(), spec.interval(), spec.zone()).nextAfter(now);
            if (next.isEmpty()) {
                Workflow.await(() -> changed);
                continue;
            }
            Duration wait = Duration.between(now, next.get());
            boolean woken = Workflow.await(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait, () -> changed || paused);
            if (!woken) {
                fire(next.get());
                fires++;
            }
        }
        Workflow.continueAsNew(new ScheduleState(agentId, spec, paused));
    }

    private void fire(Instant at) {
        String runId = agentId + "@" + at.toEpochMilli();
        AgentRunWorkflow run = Workflow.newChildWorkflowStub(AgentRunWorkflow.class, ChildWorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                // a run outlives the schedule that started it: pausing or continuing as new never cuts one short
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
        Async.function(run::run, new RunRequest(agentId, runId, "schedule", null, null));
        try {
            Workflow.getWorkflowExecution(run).get();
        } catch (ChildWorkflowFailure alreadyStarted) {
            // this fire's run exists already: nothing to do
        }
    }

    @Override
    public void update(ScheduleSpec newSpec) {
        spec = newSpec;
        paused = false;
        changed = true;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public ScheduleState state() {
        return new ScheduleState(agentId, spec, paused);
    }
}

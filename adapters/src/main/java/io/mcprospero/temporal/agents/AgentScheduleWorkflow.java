package io.mcprospero.temporal.agents;

import io.mcprospero.runs.ScheduleSpec;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One agent's schedule, alive as long as the agent is on one: it sleeps on a durable timer until the next fire time
 * and starts the run as a child workflow. The in-process Temporal service has no Schedules API, so this is the
 * schedule.
 */
@WorkflowInterface
public interface AgentScheduleWorkflow {

    @WorkflowMethod
    void run(ScheduleState state);

    /** A new schedule (a newly approved version), which also resumes a paused one. */
    @SignalMethod
    void update(ScheduleSpec spec);

    @SignalMethod
    void pause();

    @QueryMethod
    ScheduleState state();
}

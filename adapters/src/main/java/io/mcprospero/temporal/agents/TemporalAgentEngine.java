package io.mcprospero.temporal.agents;

import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.ScheduleSpec;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Agents on Temporal: a schedule workflow per scheduled agent (id {@code agent-<id>}), a workflow per run (id = run id). */
public final class TemporalAgentEngine implements AgentEngine {

    private final Supplier<WorkflowClient> client;
    private final String taskQueue;

    public TemporalAgentEngine(Supplier<WorkflowClient> client, String taskQueue) {
        this.client = client;
        this.taskQueue = taskQueue;
    }

    static String scheduleId(String agentId) {
        return "agent-" + agentId;
    }

    @Override
    public void schedule(String agentId, ScheduleSpec spec) {
        WorkflowStub stub = client().newUntypedWorkflowStub("AgentScheduleWorkflow", WorkflowOptions.newBuilder()
                .setWorkflowId(scheduleId(agentId))
                .setTaskQueue(taskQueue)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        // one call for both cases: starts the schedule if none runs, and signals the new schedule either way
        stub.signalWithStart("update", new Object[] {spec}, new Object[] {new ScheduleState(agentId, spec, false)});
    }

    @Override
    public void pause(String agentId) {
        if (isScheduled(agentId)) {
            client().newWorkflowStub(AgentScheduleWorkflow.class, scheduleId(agentId)).pause();
        }
    }

    @Override
    public void unschedule(String agentId) {
        try {
            client().newUntypedWorkflowStub(scheduleId(agentId)).terminate("the agent's schedule ended");
        } catch (WorkflowNotFoundException | IllegalStateException none) {
            // nothing runs for it
        }
    }

    @Override
    public boolean isScheduled(String agentId) {
        try {
            WorkflowExecutionStatus status = client().getWorkflowServiceStubs().blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client().getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(scheduleId(agentId)))
                            .build())
                    .getWorkflowExecutionInfo().getStatus();
            return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (StatusRuntimeException notFound) {
            return false;
        }
    }

    @Override
    public void start(RunRequest request) {
        AgentRunWorkflow run = client().newWorkflowStub(AgentRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(request.runId())
                .setTaskQueue(taskQueue)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(run::run, request);
        } catch (WorkflowExecutionAlreadyStarted already) {
            // the same run asked twice: it runs once
        }
    }

    @Override
    public void cancel(String runId) {
        try {
            client().newUntypedWorkflowStub(runId).cancel();
        } catch (WorkflowNotFoundException | IllegalStateException ended) {
            // it has ended already: nothing to stop
        }
    }

    private WorkflowClient client() {
        WorkflowClient current = client.get();
        if (current == null) {
            throw new IllegalStateException("the workflow engine has not started");
        }
        return current;
    }
}

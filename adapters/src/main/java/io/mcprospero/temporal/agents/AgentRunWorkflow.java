package io.mcprospero.temporal.agents;

import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunSummary;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One run of an agent, from its start to its outcome. */
@WorkflowInterface
public interface AgentRunWorkflow {

    @WorkflowMethod
    RunSummary run(RunRequest request);
}

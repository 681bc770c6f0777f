package io.mcprospero.bench.floor.engine;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The one workflow type the floor's worker registers. */
@WorkflowInterface
public interface PingWorkflow {

    @WorkflowMethod
    String ping(String text);
}

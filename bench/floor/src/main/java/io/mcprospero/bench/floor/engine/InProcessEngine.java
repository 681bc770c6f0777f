package io.mcprospero.bench.floor.engine;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.concurrent.TimeUnit;

/** {@link TestWorkflowEnvironment} with real timers, one worker and one workflow type, like the product's. */
final class InProcessEngine implements Engine {

    private volatile TestWorkflowEnvironment environment;

    @Override
    public synchronized void start() {
        TestWorkflowEnvironment started = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = started.newWorker("floor");
        worker.registerWorkflowImplementationTypes(PingWorkflowImpl.class);
        started.start();
        environment = started;
    }

    @Override
    public boolean isServing() {
        TestWorkflowEnvironment current = environment;
        if (current == null) {
            return false;
        }
        try {
            current.getWorkflowServiceStubs().blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (environment != null) {
            environment.close();
            environment = null;
        }
    }
}

package io.mcprospero.agents.runs;

import io.mcprospero.observability.LogContext;
import io.mcprospero.runs.AgentSteps;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunStopped;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The run steps as the workflow engine's activities call them: each on the container's managed executor, so that
 * it runs with the application's context (CDI, JPA, transactions, configuration) whatever thread Temporal's worker
 * called it on.
 */
@ApplicationScoped
public class ContainerAgentSteps implements AgentSteps {

    private RunSteps steps;
    private ManagedExecutorService executor;

    protected ContainerAgentSteps() {
        // for the CDI proxy
    }

    @Inject
    public ContainerAgentSteps(RunSteps steps, ManagedExecutorService executor) {
        this.steps = steps;
        this.executor = executor;
    }

    @Override
    public RunStart begin(RunRequest request) {
        return inContainer(() -> steps.begin(request));
    }

    @Override
    public Thought think(String runId, int turn) {
        return inContainer(() -> steps.think(runId, turn));
    }

    @Override
    public void act(String runId, int turn, String callId) {
        inContainer(() -> {
            steps.act(runId, turn, callId);
            return null;
        });
    }

    @Override
    public RunSummary finish(String runId, String status, String reason) {
        return inContainer(() -> steps.finish(runId, status, reason));
    }

    private <T> T inContainer(Callable<T> step) {
        try {
            return executor.submit(() -> {
                try {
                    return step.call();
                } finally {
                    LogContext.clear();
                }
            }).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the step was interrupted (the instance is stopping)");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RunStopped stopped) {
                throw stopped;
            }
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }
}

package io.mcprospero.agents.runs;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runtime.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Starts a run asked for in a conversation (run_now): its record is written in the asking call's transaction, so
 * get_run finds it at once, and the workflow starts once that has committed; the workflow's first step then finds
 * the record and goes on from it.
 */
@ApplicationScoped
public class RunStarter {

    /** A run recorded in a transaction, to start once it has committed. */
    public record Requested(RunRequest request) {
    }

    private RunSteps steps;
    private WorkflowEngine engine;
    private Event<Requested> requested;

    protected RunStarter() {
        // for the CDI proxy
    }

    @Inject
    public RunStarter(RunSteps steps, WorkflowEngine engine, Event<Requested> requested) {
        this.steps = steps;
        this.engine = engine;
        this.requested = requested;
    }

    @Transactional
    public void start(RunRequest request) {
        RunStart start = steps.begin(request);
        if (!start.proceed()) {
            throw new InvalidInput("the run cannot start: " + start.reason());
        }
        requested.fire(new Requested(request));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested run) {
        engine.agents().start(run.request());
    }
}

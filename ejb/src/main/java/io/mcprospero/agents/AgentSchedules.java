package io.mcprospero.agents;

import io.mcprospero.runtime.EngineStarted;
import io.mcprospero.runtime.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keeps the workflow engine's schedules in step with the database, which is the truth: each committed change is
 * applied once it has committed (never for a change that rolled back), and at start-up every active agent's schedule
 * is given again, which starts any the engine lost (the in-process service keeps nothing across restarts).
 */
@ApplicationScoped
public class AgentSchedules {

    private static final Logger LOG = Logger.getLogger(AgentSchedules.class.getName());

    private WorkflowEngine engine;
    private Agents agents;

    protected AgentSchedules() {
        // for the CDI proxy
    }

    @Inject
    public AgentSchedules(WorkflowEngine engine, Agents agents) {
        this.engine = engine;
        this.agents = agents;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentChanged change) {
        try {
            apply(change);
        } catch (RuntimeException engineDown) {
            // the change is committed; the next start-up reconciles the engine with it
            LOG.warning(() -> "agent " + change.agentId() + ": the workflow engine did not take the change " + change.effect()
                    + " (" + engineDown.getClass().getSimpleName() + "); it is applied at the next start-up");
        }
    }

    void reconcile(@Observes EngineStarted started) {
        List<AgentChanged> active = agents.schedulesToRun();
        active.forEach(this::apply);
        LOG.info(() -> "agents: " + active.size() + " active agent schedules reconciled");
    }

    private void apply(AgentChanged change) {
        switch (change.effect()) {
            case SCHEDULE -> engine.agents().schedule(change.agentId(), change.schedule());
            case PAUSE -> engine.agents().pause(change.agentId());
            case UNSCHEDULE -> engine.agents().unschedule(change.agentId());
        }
    }
}

package io.mcprospero.runtime;

import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.AgentSteps;
import io.mcprospero.temporal.WorkflowRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The workflow engine of this instance, chosen by configuration: with {@code mcprospero.temporal.target} unset,
 * the in-process Temporal service for a laptop; otherwise a Temporal cluster. Temporal itself is behind
 * {@link WorkflowRuntime} (adapters module), whose payload codec encrypts everything sent to the service with the
 * secrets' data keys.
 */
@ApplicationScoped
public class WorkflowEngine {

    private WorkflowRuntime runtime;
    private Instance<AgentSteps> agentSteps;
    private Event<EngineStarted> started;

    protected WorkflowEngine() {
        // for the CDI proxy
    }

    @Inject
    public WorkflowEngine(DataKeys dataKeys, Instance<AgentSteps> agentSteps, Event<EngineStarted> started) {
        // the application's config found by its class loader, not injected values: the readiness check may create
        // this bean on a health-check thread during deployment, where Payara resolves neither injected values nor
        // an injected Config to the application's configuration
        this(ConfigProvider.getConfig(WorkflowEngine.class.getClassLoader()), dataKeys);
        this.agentSteps = agentSteps;
        this.started = started;
    }

    private WorkflowEngine(Config config, DataKeys dataKeys) {
        this(WorkflowRuntime.temporal(config.getOptionalValue("mcprospero.temporal.target", String.class),
                config.getValue("mcprospero.temporal.namespace", String.class),
                config.getValue("mcprospero.temporal.task-queue", String.class), dataKeys));
    }

    public WorkflowEngine(WorkflowRuntime runtime) {
        this.runtime = runtime;
    }

    /** Starts the workers, which perform the agents' steps, then tells whoever reconciles schedules. */
    public void start() {
        if (agentSteps != null && agentSteps.isResolvable()) {
            runtime.serve(agentSteps.get());
        }
        runtime.start();
        if (started != null) {
            started.fire(new EngineStarted());
        }
    }

    /** Agents' schedules and runs. */
    public AgentEngine agents() {
        return runtime.agents();
    }

    /** Whether the Temporal service answers, within two seconds. */
    public boolean isServing() {
        return runtime.isServing();
    }

    public String description() {
        return runtime.description();
    }

    public String taskQueue() {
        return runtime.taskQueue();
    }

    public void stop() {
        runtime.stop();
    }
}

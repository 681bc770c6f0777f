package io.mcprospero.runtime;

import io.mcprospero.datakeys.DataKeys;
import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.AgentSteps;
import io.mcprospero.temporal.TemporalSettings;
import io.mcprospero.temporal.WorkflowRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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

    // set at start (or given); read by the readiness check on its own thread
    private volatile WorkflowRuntime runtime;
    private Config config;
    private DataKeys dataKeys;
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
        this.config = ConfigProvider.getConfig(WorkflowEngine.class.getClassLoader());
        this.dataKeys = dataKeys;
        this.agentSteps = agentSteps;
        this.started = started;
    }

    public WorkflowEngine(WorkflowRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Reads the settings (a combination that cannot be honoured fails the start, naming it), starts the workers,
     * which perform the agents' steps, then tells whoever reconciles schedules.
     */
    public synchronized void start() {
        if (runtime == null) {
            runtime = WorkflowRuntime.temporal(TemporalSettings.from(key -> config.getOptionalValue(key, String.class)), dataKeys);
        }
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
        return running().agents();
    }

    /** Whether the Temporal service answers, within two seconds. */
    public boolean isServing() {
        WorkflowRuntime current = runtime;
        return current != null && current.isServing();
    }

    public String description() {
        WorkflowRuntime current = runtime;
        return current == null ? "not started" : current.description();
    }

    public String taskQueue() {
        return running().taskQueue();
    }

    public synchronized void stop() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    private WorkflowRuntime running() {
        WorkflowRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("the workflow engine has not started");
        }
        return current;
    }
}

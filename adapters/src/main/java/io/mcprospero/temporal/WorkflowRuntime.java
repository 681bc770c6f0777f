package io.mcprospero.temporal;

import io.mcprospero.kms.EnvelopeKeys;
import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.AgentSteps;

/**
 * The workflow engine as the application sees it: started, stopped and checked. Its signatures name no Temporal
 * type, so the application's classes can hold one without Payara's deployment scan following Temporal's API
 * (about 2,400 types) from them; {@link TemporalRuntime} is the implementation.
 */
public interface WorkflowRuntime {

    /**
     * Temporal, as {@code settings} say: the in-process service, or a cluster. Every payload is encrypted with data
     * keys from {@code keys} before it leaves for the service.
     */
    static WorkflowRuntime temporal(TemporalSettings settings, EnvelopeKeys keys) {
        return new TemporalRuntime(settings, new EncryptingPayloadCodec(keys));
    }

    /** Connects (or starts the in-process service) and starts the workers; does nothing when already started. */
    void start();

    /** The agents' run steps this instance's workers perform; set before {@link #start}. */
    void serve(AgentSteps steps);

    /** Schedules and runs of agents (usable once started). */
    AgentEngine agents();

    /** Whether the Temporal service answers, within two seconds. */
    boolean isServing();

    /** "in-process" or "cluster host:port (namespace, security)", for health checks and logs. */
    String description();

    String taskQueue();

    void stop();
}

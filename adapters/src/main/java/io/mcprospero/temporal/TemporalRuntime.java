package io.mcprospero.temporal;

import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.AgentSteps;
import io.mcprospero.temporal.agents.AgentRunWorkflowImpl;
import io.mcprospero.temporal.agents.AgentScheduleWorkflowImpl;
import io.mcprospero.temporal.agents.RunActivitiesImpl;
import io.mcprospero.temporal.agents.TemporalAgentEngine;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The connection to Temporal: with no target, the in-process Temporal service (real timers, no time skipping) for
 * a laptop; otherwise a Temporal cluster. Workflows and workers register with the {@link WorkerFactory} this
 * holds; the database stays the source of truth, so the in-process engine loses nothing that cannot be rebuilt at
 * start-up. Every payload passes through the codec, so neither engine stores workflow data in clear.
 */
public final class TemporalRuntime implements WorkflowRuntime {

    private static final Logger LOG = Logger.getLogger(TemporalRuntime.class.getName());

    private final TemporalSettings settings;
    private final PayloadCodec codec;
    private TestWorkflowEnvironment inProcess;
    // read by the readiness check on its own thread
    private volatile WorkflowServiceStubs stubs;
    private volatile WorkflowClient client;
    private WorkerFactory workers;
    private AgentSteps agentSteps;

    public TemporalRuntime(TemporalSettings settings, PayloadCodec codec) {
        this.settings = settings;
        this.codec = codec;
    }

    @Override
    public synchronized void start() {
        if (client != null) {
            return;
        }
        if (settings.inProcess()) {
            inProcess = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setUseTimeskipping(false)
                    .setWorkflowClientOptions(clientOptions())
                    .build());
            stubs = inProcess.getWorkflowServiceStubs();
            client = inProcess.getWorkflowClient();
            LOG.info("workflow engine: in-process Temporal service");
        } else {
            stubs = WorkflowServiceStubs.newServiceStubs(ClusterConnection.options(settings));
            client = WorkflowClient.newInstance(stubs, clientOptions());
            LOG.info(() -> "workflow engine: Temporal " + settings.describe());
        }
        workers = WorkerFactory.newInstance(client);
        // sticky execution off (zero) where the service never moves a task off a dead worker's sticky queue
        Worker worker = workers.newWorker(settings.taskQueue(), WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(settings.stickyScheduleToStart()).build());
        if (agentSteps != null) {
            worker.registerWorkflowImplementationTypes(AgentScheduleWorkflowImpl.class, AgentRunWorkflowImpl.class);
            worker.registerActivitiesImplementations(new RunActivitiesImpl(agentSteps));
        }
        workers.start();
    }

    /** The workers take the data converter from the client, so this one place encrypts both sides. */
    private WorkflowClientOptions clientOptions() {
        // true: failure messages and stack traces are encoded too, since they may quote message content
        CodecDataConverter encrypting = new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);
        return WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).setDataConverter(encrypting).build();
    }

    @Override
    public synchronized void serve(AgentSteps steps) {
        if (client != null) {
            throw new IllegalStateException("agents' steps register before the workers start");
        }
        this.agentSteps = steps;
    }

    @Override
    public AgentEngine agents() {
        return new TemporalAgentEngine(() -> client, settings.taskQueue());
    }

    @Override
    public boolean isServing() {
        if (stubs == null) {
            return false;
        }
        try {
            stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS).getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return settings.describe();
    }

    /** The client, for the workflows that start here; null until started. */
    public WorkflowClient client() {
        return client;
    }

    @Override
    public String taskQueue() {
        return settings.taskQueue();
    }

    @Override
    public synchronized void stop() {
        if (workers != null) {
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (inProcess != null) {
            inProcess.close();
        } else if (stubs != null) {
            stubs.shutdown();
        }
        client = null;
    }
}

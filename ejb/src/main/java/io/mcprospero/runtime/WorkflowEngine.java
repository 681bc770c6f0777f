package io.mcprospero.runtime;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection to Temporal, chosen by configuration: with {@code mcprospero.temporal.target} unset, the
 * in-process Temporal service (real timers, no time skipping) for a laptop; otherwise a Temporal cluster.
 * Workflows and workers register with the {@link WorkerFactory} this holds; the database stays the source
 * of truth, so the in-process engine loses nothing that cannot be rebuilt at start-up. Every payload passes
 * through the {@link EncryptingPayloadCodec}, so neither engine stores workflow data in clear.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

    private Optional<String> target;
    private String namespace;
    private String taskQueue;
    private EncryptingPayloadCodec codec;
    private TestWorkflowEnvironment inProcess;
    // read by the readiness check on its own thread
    private volatile WorkflowServiceStubs stubs;
    private volatile WorkflowClient client;
    private WorkerFactory workers;

    protected WorkflowEngine() {
        // for the CDI proxy
    }

    @Inject
    public WorkflowEngine(EncryptingPayloadCodec codec) {
        // the application's config found by its class loader, not injected values: the readiness check may create
        // this bean on a health-check thread during deployment, where Payara resolves neither injected values nor
        // an injected Config to the application's configuration
        this(ConfigProvider.getConfig(WorkflowEngine.class.getClassLoader()), codec);
    }

    private WorkflowEngine(Config config, EncryptingPayloadCodec codec) {
        this(config.getOptionalValue("mcprospero.temporal.target", String.class),
                config.getValue("mcprospero.temporal.namespace", String.class),
                config.getValue("mcprospero.temporal.task-queue", String.class), codec);
    }

    public WorkflowEngine(Optional<String> target, String namespace, String taskQueue, EncryptingPayloadCodec codec) {
        this.target = target.filter(value -> !value.isBlank());
        this.namespace = namespace;
        this.taskQueue = taskQueue;
        this.codec = codec;
    }

    public synchronized void start() {
        if (client != null) {
            return;
        }
        if (target.isEmpty()) {
            inProcess = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setUseTimeskipping(false)
                    .setWorkflowClientOptions(clientOptions())
                    .build());
            stubs = inProcess.getWorkflowServiceStubs();
            client = inProcess.getWorkflowClient();
            LOG.info("workflow engine: in-process Temporal service");
        } else {
            stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target.get()).build());
            client = WorkflowClient.newInstance(stubs, clientOptions());
            LOG.info(() -> "workflow engine: Temporal cluster at " + target.get() + ", namespace " + namespace);
        }
        workers = WorkerFactory.newInstance(client);
        workers.newWorker(taskQueue);
        workers.start();
    }

    /** The workers take the data converter from the client, so this one place encrypts both sides. */
    private WorkflowClientOptions clientOptions() {
        // true: failure messages and stack traces are encoded too, since they may quote message content
        CodecDataConverter encrypting = new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);
        return WorkflowClientOptions.newBuilder().setNamespace(namespace).setDataConverter(encrypting).build();
    }

    /** Whether the Temporal service answers, within two seconds. */
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

    public String description() {
        return target.map(value -> "cluster " + value).orElse("in-process");
    }

    public WorkflowClient client() {
        return client;
    }

    public String taskQueue() {
        return taskQueue;
    }

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

package io.mcprospero.runtime;

import io.mcprospero.identity.IdentityMode;
import io.mcprospero.identity.oidc.OidcSettings;
import io.mcprospero.identity.LocalAccessCode;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.oauth.SigningKeys;
import io.mcprospero.observability.ConsoleLogging;
import io.mcprospero.schema.SchemaMigrations;
import io.mcprospero.support.Jsons;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * The start-up sequence, in the order it must happen: JSON logging, schema, signing keys, the secrets' master
 * key (the local key file is created on first start; missing KMS settings fail here); the workflow engine starts
 * beside them on the container's managed executor.
 * An EJB startup singleton rather than a CDI observer because it runs once the application's resources
 * (the data source) are bound.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Inject
    SchemaMigrations schema;
    @Inject
    SigningKeys signingKeys;
    @Inject
    WorkflowEngine engine;
    @Inject
    LocalAccessCode accessCode;
    @Inject
    @ConfigProperty(name = "mcprospero.identity.mode")
    String identityMode;
    @Inject
    KeyManagement keys;
    @Inject
    OidcSettings oidc;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        IdentityMode.requireSupported(identityMode);
        if (IdentityMode.OIDC.equals(identityMode)) {
            oidc.requireComplete();
        }
        ConsoleLogging.useJson();
        Jsons.pinProviderForTheProcess();
        // the workflow engine needs none of the steps below until a workflow runs (its payload codec opens the master
        // key at first use), so it starts beside them: about a second less to ready on the in-process service
        Future<?> engineStarted = executor.submit(engine::start);
        try {
            schema.migrate();
            signingKeys.load();
            String masterKey = keys.currentKeyId();
            LOG.info(() -> "secrets: master key " + masterKey);
        } catch (RuntimeException failure) {
            // no half-started application: the engine stops too, once its start has ended either way
            try {
                awaitEngine(engineStarted);
            } catch (RuntimeException engineFailure) {
                failure.addSuppressed(engineFailure);
            }
            engine.stop();
            throw failure;
        }
        awaitEngine(engineStarted);
        accessCode.announce();
        LOG.info("MCProspero started");
    }

    /** Start-up fails if the engine does, with the engine's own error. */
    private static void awaitEngine(Future<?> engineStarted) {
        try {
            engineStarted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workflow engine started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the workflow engine did not start: " + e.getCause(), e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        engine.stop();
    }
}

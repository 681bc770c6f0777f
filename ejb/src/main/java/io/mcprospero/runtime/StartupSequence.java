package io.mcprospero.runtime;

import io.mcprospero.identity.IdentityMode;
import io.mcprospero.identity.LocalAccessCode;
import io.mcprospero.identity.SignInAttempts;
import io.mcprospero.identity.oidc.OidcSettings;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.oauth.SigningKeys;
import io.mcprospero.observability.ConsoleLogging;
import io.mcprospero.observability.OperatorCredential;
import io.mcprospero.schema.SchemaMigrations;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The start-up sequence, in the order it must happen: JSON logging, schema, the master key (the local key file is
 * created on first start; missing KMS settings fail here), signing keys (sealed with data keys under the master
 * key), workflow engine.
 * The web module runs it when its context initializes (the container has bound the data source and the module's
 * resources by then; a failure fails the deployment). A CDI bean rather than an EJB startup singleton: it was the
 * application's only EJB, and without one Payara does not start its EJB container, which cost start-up time and
 * memory. (An observer of the application scope's start would run too early: Payara fires it before it binds
 * the module's resource references.)
 */
@ApplicationScoped
public class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    private final SchemaMigrations schema;
    private final SigningKeys signingKeys;
    private final WorkflowEngine engine;
    private final LocalAccessCode accessCode;
    private final SignInAttempts signInAttempts;
    private final String identityMode;
    private final KeyManagement keys;
    private final OidcSettings oidc;
    private final OperatorCredential operators;

    @Inject
    StartupSequence(SchemaMigrations schema, SigningKeys signingKeys, WorkflowEngine engine,
            LocalAccessCode accessCode, SignInAttempts signInAttempts, @ConfigProperty(name = "mcprospero.identity.mode") String identityMode,
            KeyManagement keys, OidcSettings oidc, OperatorCredential operators) {
        this.schema = schema;
        this.signingKeys = signingKeys;
        this.engine = engine;
        this.accessCode = accessCode;
        this.signInAttempts = signInAttempts;
        this.identityMode = identityMode;
        this.keys = keys;
        this.oidc = oidc;
        this.operators = operators;
    }

    /** For the container's proxy only. */
    protected StartupSequence() {
        this(null, null, null, null, null, null, null, null, null);
    }

    public void start() {
        IdentityMode.requireSupported(identityMode);
        if (IdentityMode.OIDC.equals(identityMode)) {
            oidc.requireComplete();
        } else {
            // its settings are checked when it is created; a bad limit fails the start, not the first sign-in
            signInAttempts.allowedFailures();
            accessCode.requireSafeExposure();
        }
        // a token too short to be a secret fails the start, not the first scrape
        boolean metricsServed = operators.configured();
        ConsoleLogging.useJson();
        Jsons.pinProviderForTheProcess();
        schema.migrate();
        String masterKey = keys.currentKeyId();
        LOG.info(() -> "secrets: master key " + masterKey);
        // after the master key: the signing keys are sealed with data keys from it
        signingKeys.load();
        engine.start();
        accessCode.announce();
        LOG.info(metricsServed ? "operations: /metrics answers requests that carry mcprospero.operations.token"
                : "operations: /metrics is off (mcprospero.operations.token is not set)");
        LOG.info("MCProspero started");
    }

    public void stop() {
        engine.stop();
    }
}

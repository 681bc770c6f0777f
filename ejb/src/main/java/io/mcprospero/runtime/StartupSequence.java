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
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.logging.Logger;

/**
 * The start-up sequence, in the order it must happen: JSON logging, schema, signing keys, the secrets' master
 * key (the local key file is created on first start; missing KMS settings fail here), workflow engine.
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

    @PostConstruct
    void start() {
        IdentityMode.requireSupported(identityMode);
        if (IdentityMode.OIDC.equals(identityMode)) {
            oidc.requireComplete();
        }
        ConsoleLogging.useJson();
        Jsons.pinProviderForTheProcess();
        schema.migrate();
        signingKeys.load();
        String masterKey = keys.currentKeyId();
        LOG.info(() -> "secrets: master key " + masterKey);
        engine.start();
        accessCode.announce();
        LOG.info("MCProspero started");
    }

    @PreDestroy
    void stop() {
        engine.stop();
    }
}

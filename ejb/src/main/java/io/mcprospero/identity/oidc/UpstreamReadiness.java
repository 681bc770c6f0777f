package io.mcprospero.identity.oidc;

import io.mcprospero.identity.IdentityMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In OIDC mode nobody can sign in while the upstream provider is unreachable; /health/ready says so in this
 * check's data ({@code reachable: false} and the problem). The check itself stays UP on purpose: people
 * already connected keep working on MCProspero's own tokens, so an outage of the provider must not take every
 * instance out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private Instance<UpstreamProvider> provider;

    protected UpstreamReadiness() {
        // for the CDI proxy
    }

    /**
     * No injected config values and a lazy provider: the readiness endpoint builds this bean on its own thread while
     * the application is still deploying, when Payara can produce neither (the bean could not be built, and every
     * probe logged a stack trace). The mode is read from the application's own config, found by its class loader,
     * whichever thread asks; the provider, with its OIDC settings, is only ever built in OIDC mode.
     */
    @Inject
    public UpstreamReadiness(Instance<UpstreamProvider> provider) {
        this.provider = provider;
    }

    @Override
    public HealthCheckResponse call() {
        String mode = ConfigProvider.getConfig(UpstreamReadiness.class.getClassLoader())
                .getValue("mcprospero.identity.mode", String.class);
        if (!IdentityMode.OIDC.equals(mode)) {
            return HealthCheckResponse.named("identity-provider").up().withData("mode", mode).build();
        }
        String problem = provider.get().probe();
        return HealthCheckResponse.named("identity-provider").up().withData("mode", mode)
                .withData("reachable", problem == null).withData("problem", problem == null ? "none" : problem).build();
    }
}

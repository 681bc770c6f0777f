package io.mcprospero.identity.oidc;

import io.mcprospero.identity.IdentityMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    private UpstreamProvider provider;
    private String mode;

    protected UpstreamReadiness() {
        // for the CDI proxy
    }

    @Inject
    public UpstreamReadiness(UpstreamProvider provider, @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.provider = provider;
        this.mode = mode;
    }

    @Override
    public HealthCheckResponse call() {
        if (!IdentityMode.OIDC.equals(mode)) {
            return HealthCheckResponse.named("identity-provider").up().withData("mode", mode).build();
        }
        String problem = provider.probe();
        return HealthCheckResponse.named("identity-provider").up().withData("mode", mode)
                .withData("reachable", problem == null).withData("problem", problem == null ? "none" : problem).build();
    }
}

package io.mcprospero.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the in-process Temporal service answers, as the product's check of the same name. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    @Inject
    private WorkflowEngine engine;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("workflow-engine").status(engine.isServing()).build();
    }
}

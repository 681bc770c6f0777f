package io.mcprospero.observability;

import io.mcprospero.runtime.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the Temporal service (in-process or cluster) answers. */
@Readiness
@ApplicationScoped
public class WorkflowEngineReadiness implements HealthCheck {

    private WorkflowEngine engine;

    protected WorkflowEngineReadiness() {
        // for the CDI proxy
    }

    @Inject
    public WorkflowEngineReadiness(WorkflowEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("workflow-engine").status(engine.isServing())
                .withData("temporal", engine.description()).build();
    }
}

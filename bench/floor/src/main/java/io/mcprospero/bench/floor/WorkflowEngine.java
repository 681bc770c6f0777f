package io.mcprospero.bench.floor;

import io.mcprospero.bench.floor.engine.Engine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds the engine for the readiness check; started by {@link Startup}. */
@ApplicationScoped
public class WorkflowEngine {

    private volatile Engine engine;

    void start() {
        Engine started = Engine.inProcess();
        started.start();
        engine = started;
    }

    boolean isServing() {
        Engine current = engine;
        return current != null && current.isServing();
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}

package io.mcprospero.bench.floor;

import io.mcprospero.bench.floor.engine.Engine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Holds the engine for the readiness check; started by {@link Startup}. */
@ApplicationScoped
public class WorkflowEngine {

    private volatile Engine engine;
    private volatile boolean skipped;

    void start() {
        Engine started = Engine.inProcess();
        started.start();
        engine = started;
    }

    /** Not started, on purpose (FLOOR_WITHOUT=engine): readiness does not wait for it. */
    void skip() {
        skipped = true;
    }

    boolean isServing() {
        Engine current = engine;
        return skipped || current != null && current.isServing();
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }
}

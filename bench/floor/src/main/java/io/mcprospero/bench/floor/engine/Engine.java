package io.mcprospero.bench.floor.engine;

/**
 * The workflow engine as the WAR sees it: no Temporal type in any signature, so that Payara's deployment does not
 * walk Temporal's API from the WAR's classes (the product's {@code WorkflowRuntime} port, for the same reason).
 */
public interface Engine extends AutoCloseable {

    /** The in-process Temporal service with one worker, as the product starts it on its embedded defaults. */
    static Engine inProcess() {
        return new InProcessEngine();
    }

    void start();

    boolean isServing();

    @Override
    void close();
}

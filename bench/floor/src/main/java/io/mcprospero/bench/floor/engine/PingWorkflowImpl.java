package io.mcprospero.bench.floor.engine;

public class PingWorkflowImpl implements PingWorkflow {

    @Override
    public String ping(String text) {
        return text;
    }
}

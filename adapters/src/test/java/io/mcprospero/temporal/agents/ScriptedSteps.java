package io.mcprospero.temporal.agents;

import io.mcprospero.runs.AgentSteps;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.Thought;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run as the histories record it: the model asks for one tool call in its first turn and is done in its second.
 * Counts what each step was asked, per run.
 */
class ScriptedSteps implements AgentSteps {

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private void count(String step) {
        calls.computeIfAbsent(step, key -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public RunStart begin(RunRequest request) {
        count("begin");
        return new RunStart(true, null, 5);
    }

    @Override
    public Thought think(String runId, int turn) {
        count("think");
        return turn == 0 ? new Thought(false, List.of("toolu_1")) : new Thought(true, List.of());
    }

    @Override
    public void act(String runId, int turn, String callId) {
        count("act");
    }

    @Override
    public RunSummary finish(String runId, String status, String reason) {
        count("finish");
        return new RunSummary(runId, status, reason);
    }
}

package io.mcprospero.temporal.agents;

import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories {@link AgentWorkflowsReplayTest} replays, into src/test/resources/histories. Run it on
 * purpose only, when a workflow change is meant to be incompatible and is shipped with a new workflow type or version:
 * {@code mvn -pl adapters test -Dtest=RecordAgentWorkflowHistories -Dmcprospero.record-histories=true}. Histories of
 * released code are never re-recorded, or the replay test would guard nothing.
 */
@EnabledIfSystemProperty(named = "mcprospero.record-histories", matches = "true")
class RecordAgentWorkflowHistories {

    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @Test
    void record() throws Exception {
        Files.createDirectories(HISTORIES);
        try (TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance()) {
            AgentWorkflowHistories.worker(environment, new ScriptedSteps());
            environment.start();
            Files.writeString(HISTORIES.resolve("agent-run.json"), AgentWorkflowHistories.run(environment));
            Files.writeString(HISTORIES.resolve("agent-schedule.json"), AgentWorkflowHistories.schedule(environment));
        }
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.AgentConversation;
import io.mcprospero.it.support.MessagesStandIn;
import io.mcprospero.it.support.ServerUnderTest;
import io.mcprospero.it.support.TemporalService;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: the server runs on an external Temporal service (temporal-testing's TestServer on a port, in its own
 * JVM) and is killed with SIGKILL while a run waits for the model's answer, after its tool call. Started again on the
 * same database and data directory, it finishes that run exactly once: the step in flight is retried (its heartbeat
 * stopped), the steps done before are not done again, the tool's effect happened once, and the org is charged the
 * run's cost once.
 */
class RunSurvivesAKilledServerIT {

    private static final String MARKER = "crash-safety-marker";
    private static TemporalService temporal;
    private static MessagesStandIn anthropic;
    private static ServerUnderTest server;
    private static String database;

    @BeforeAll
    static void aServerOnAnExternalTemporalService() {
        temporal = TemporalService.start("crash");
        anthropic = MessagesStandIn.start();
        database = ServerUnderTest.database("crash");
        Map<String, String> environment = new HashMap<>(ServerUnderTest.onFreshDatabase(database));
        environment.putAll(temporal.serverEnvironment());
        environment.putAll(Map.of(
                "MCPROSPERO_SIGNUP_OPEN", "true",
                "MCPROSPERO_LLM_PROVIDER", "anthropic",
                "MCPROSPERO_LLM_API_KEY", "sk-ant-crash",
                "MCPROSPERO_LLM_BASE_URL", anthropic.baseUrl(),
                "MCPROSPERO_LLM_MAX_RETRIES", "1"));
        server = ServerUnderTest.start("crash", environment);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (anthropic != null) {
            anthropic.close();
        }
        if (temporal != null) {
            temporal.close();
        }
    }

    @Test
    void aRunInterruptedByKill9CompletesOnceAfterTheRestartAndItsEffectHappenedOnce() throws Exception {
        AgentConversation person = new AgentConversation(server, "crash", database);
        String agentId = person.approvedAgent("{\"name\":\"Crash digest\",\"instructions\":\"Summarise (" + MARKER + ") and remember that you did.\","
                + "\"tools\":[\"remember\"]}");
        String orgId = person.orgId();
        anthropic.holdNextLastTurnOf(MARKER);

        String runId = person.runNow("Crash digest");
        MessagesStandIn.Request held = anthropic.awaitHeld(Duration.ofSeconds(120));
        assertThat(held).as("the run reached its second model call").isNotNull();
        assertThat(held.body()).as("after the tool call").contains("tool_result").contains("Noted.");
        server.kill();
        assertThat(server.isAlive()).isFalse();
        anthropic.release();
        assertThat(person.runs(agentId)).singleElement().satisfies(run -> assertThat(run.status()).isEqualTo("running"));

        server.restart();

        List<AgentConversation.StoredRun> runs = person.awaitRuns(agentId, Duration.ofSeconds(180),
                list -> list.stream().noneMatch(run -> run.status().equals("running")));
        assertThat(runs).as("one run, finished once").singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(runId);
            assertThat(run.status()).as(String.valueOf(run.reason())).isEqualTo("completed");
            assertThat(run.turns()).isEqualTo(2);
            assertThat(run.toolCalls()).as("the tool call before the kill is not made again").isEqualTo(1);
            assertThat(run.units()).isEqualTo(MessagesStandIn.UNITS_PER_RUN);
        });
        List<MessagesStandIn.Request> calls = anthropic.requestsOf(MARKER);
        assertThat(calls).filteredOn(MessagesStandIn.Request::isFirstTurn).as("the first turn, answered before the kill").hasSize(1);
        assertThat(calls).filteredOn(call -> !call.isFirstTurn()).as("the second turn: killed once, then answered").hasSize(2);
        assertThat(person.unitsUsedToday(orgId)).as("the killed call's hold was given back: charged once").isEqualTo(MessagesStandIn.UNITS_PER_RUN);
        JsonObject run = person.run(runId);
        assertThat(run.getString("final_text")).isEqualTo("Digest done.");
        assertThat(run.getJsonArray("steps").getValuesAs(JsonValue::asJsonObject))
                .filteredOn(step -> step.getString("kind").equals("tool_call")).hasSize(1);

        // the note the tool kept before the kill is there once: the next run is told it exactly once
        String next = person.runNow("Crash digest");
        person.awaitRuns(agentId, Duration.ofSeconds(60), list -> list.stream().anyMatch(r -> r.id().equals(next) && !r.status().equals("running")));
        String told = anthropic.requestsOf(MARKER).stream().filter(MessagesStandIn.Request::isFirstTurn).reduce((a, b) -> b).orElseThrow().body();
        assertThat(told.split("- digest sent", -1)).as("one note in: " + told).hasSize(2);
    }
}

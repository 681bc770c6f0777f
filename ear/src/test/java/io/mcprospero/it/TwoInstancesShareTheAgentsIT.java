package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.AgentConversation;
import io.mcprospero.it.support.MessagesStandIn;
import io.mcprospero.it.support.ServerUnderTest;
import io.mcprospero.it.support.TemporalService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances sharing PostgreSQL (and the master key) and one Temporal service: both reconcile the same agent's
 * schedule at start-up and either may run its steps, yet each fire runs once; and when the instance performing a
 * run's model call is killed, the other finishes the run. Each instance calls the model with its own API key, which
 * tells the stand-in who asked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesShareTheAgentsIT {

    private static final String KEY_A = "sk-ant-instance-a";
    private static final String KEY_B = "sk-ant-instance-b";
    private static TemporalService temporal;
    private static MessagesStandIn anthropic;
    private static ServerUnderTest first;
    private static ServerUnderTest second;
    private static String database;

    @BeforeAll
    static void twoInstancesOnOneDatabaseAndOneTemporal() throws Exception {
        temporal = TemporalService.start("pair");
        anthropic = MessagesStandIn.start();
        database = ServerUnderTest.database("pair");
        Path keys = Path.of(System.getProperty("it.work", "target/it")).resolve("pair-keys").toAbsolutePath();
        Files.createDirectories(keys);
        Map<String, String> shared = new HashMap<>(ServerUnderTest.onFreshDatabase(database));
        shared.putAll(temporal.serverEnvironment());
        shared.putAll(Map.of(
                "MCPROSPERO_KMS_LOCAL_KEY_FILE", keys.resolve("master.key").toString(),
                "MCPROSPERO_SIGNUP_OPEN", "true",
                "MCPROSPERO_AGENTS_MIN_INTERVAL", "PT5S",
                "MCPROSPERO_LLM_PROVIDER", "anthropic",
                "MCPROSPERO_LLM_BASE_URL", anthropic.baseUrl(),
                "MCPROSPERO_LLM_MAX_RETRIES", "1"));
        Map<String, String> a = new HashMap<>(shared);
        a.put("MCPROSPERO_LLM_API_KEY", KEY_A);
        Map<String, String> b = new HashMap<>(shared);
        b.put("MCPROSPERO_LLM_API_KEY", KEY_B);
        first = ServerUnderTest.start("pair-a", a);
        second = ServerUnderTest.start("pair-b", b);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[] {first, second, anthropic, temporal}) {
            if (each != null) {
                try {
                    each.close();
                } catch (Exception ignored) {
                    // the others still stop
                }
            }
        }
    }

    @Test
    @Order(1)
    void anAgentScheduledOnceRunsOncePerFire() throws Exception {
        String marker = "pair-schedule-marker";
        AgentConversation person = new AgentConversation(first, "scheduled", database);
        String agentId = person.approvedAgent("{\"name\":\"Every ten seconds\",\"instructions\":\"Summarise (" + marker + ").\","
                + "\"tools\":[\"remember\"],\"schedule\":{\"interval\":\"PT10S\",\"timezone\":\"Europe/Berlin\"}}");
        // the second instance reconciles the same schedule, as it would at its own start-up
        second.restart();
        long before = completed(person.runs(agentId));

        person.awaitRuns(agentId, Duration.ofSeconds(120), list -> completed(list) >= before + 3);
        person.pause("Every ten seconds");
        List<AgentConversation.StoredRun> runs = person.awaitRuns(agentId, Duration.ofSeconds(60),
                list -> list.stream().noneMatch(run -> run.status().equals("running")));

        assertThat(completed(runs)).as("runs while both instances serve").isGreaterThanOrEqualTo(before + 3);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.status()).as(String.valueOf(run.reason())).isEqualTo("completed");
            assertThat(run.turns()).isEqualTo(2);
            assertThat(run.toolCalls()).isEqualTo(1);
        });
        List<Long> fires = runs.stream().map(run -> Long.parseLong(run.id().substring(run.id().indexOf('@') + 1))).sorted().toList();
        assertThat(fires).as("one run per fire time").doesNotHaveDuplicates();
        for (int i = 1; i < fires.size(); i++) {
            assertThat(fires.get(i) - fires.get(i - 1)).as("fires ten seconds apart, none twice: " + fires).isGreaterThanOrEqualTo(9_000);
        }
        List<MessagesStandIn.Request> calls = anthropic.requestsOf(marker);
        assertThat(calls).filteredOn(MessagesStandIn.Request::isFirstTurn).as("one first model call per run").hasSize(runs.size());
        assertThat(calls).filteredOn(call -> !call.isFirstTurn()).as("one second model call per run").hasSize(runs.size());
    }

    private static long completed(List<AgentConversation.StoredRun> runs) {
        return runs.stream().filter(run -> run.status().equals("completed")).count();
    }

    @Test
    @Order(2)
    void whenTheInstanceRunningAStepIsKilledTheOtherFinishesTheRun() throws Exception {
        String marker = "pair-kill-marker";
        AgentConversation person = new AgentConversation(first, "killed", database);
        String agentId = person.approvedAgent("{\"name\":\"Kill me\",\"instructions\":\"Summarise (" + marker + ") and remember.\","
                + "\"tools\":[\"remember\"]}");
        String orgId = person.orgId();
        anthropic.holdNextLastTurnOf(marker);

        String runId = person.runNow("Kill me");
        MessagesStandIn.Request held = anthropic.awaitHeld(Duration.ofSeconds(120));
        assertThat(held).as("the run reached its second model call").isNotNull();
        assertThat(held.apiKey()).isIn(KEY_A, KEY_B);
        ServerUnderTest victim = KEY_A.equals(held.apiKey()) ? first : second;
        String survivorKey = KEY_A.equals(held.apiKey()) ? KEY_B : KEY_A;
        victim.kill();
        anthropic.release();

        List<AgentConversation.StoredRun> runs = person.awaitRuns(agentId, Duration.ofSeconds(120),
                list -> list.stream().noneMatch(run -> run.status().equals("running")));
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(runId);
            assertThat(run.status()).as(String.valueOf(run.reason())).isEqualTo("completed");
            assertThat(run.turns()).isEqualTo(2);
            assertThat(run.toolCalls()).isEqualTo(1);
            assertThat(run.units()).isEqualTo(MessagesStandIn.UNITS_PER_RUN);
        });
        List<MessagesStandIn.Request> lastTurns = anthropic.requestsOf(marker).stream().filter(call -> !call.isFirstTurn()).toList();
        assertThat(lastTurns).hasSize(2);
        assertThat(lastTurns.get(1).apiKey()).as("the surviving instance made the retried call").isEqualTo(survivorKey);
        assertThat(anthropic.requestsOf(marker)).filteredOn(MessagesStandIn.Request::isFirstTurn).hasSize(1);
        assertThat(person.unitsUsedToday(orgId)).as("charged once").isEqualTo(MessagesStandIn.UNITS_PER_RUN);
    }
}

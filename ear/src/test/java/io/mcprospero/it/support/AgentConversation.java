package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A person's conversation about agents with a server (a 2026-07-28 client that elicits, so approvals are the person's
 * answers to the form), and what the database shows of their runs: the crash tests read runs from the database, since
 * the instance a person talked to may be the one they kill.
 */
public final class AgentConversation {

    private static final String ELICITS = "{\"elicitation\":{}}";

    /** A run as the database holds it. */
    public record StoredRun(String id, String status, String reason, int turns, int toolCalls, long units) {
    }

    private final ModernMcp client;
    private final String database;

    public AgentConversation(ServerUnderTest server, String who, String database) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        this.client = new ModernMcp(server, new LocalSignIn(server).tokensFor(email).accessToken());
        this.database = database;
    }

    public static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result.getBoolean("isError")).as(response.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }

    /** Creates an agent and approves it as the person; answers its id. */
    public String approvedAgent(String arguments) {
        JsonObject first = ModernMcp.json(client.request("tools/call", "{\"name\":\"create_agent\",\"arguments\":" + arguments + "}", ELICITS))
                .getJsonObject("result");
        assertThat(first.getString("resultType")).as(first.toString()).isEqualTo("input_required");
        JsonObject created = structured(ModernMcp.json(client.request("tools/call", "{\"name\":\"create_agent\",\"arguments\":" + arguments
                + ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}},\"requestState\":\""
                + first.getString("requestState") + "\"}", ELICITS)));
        assertThat(created.getString("outcome")).isEqualTo("approved");
        return created.getJsonObject("agent").getString("id");
    }

    public String runNow(String agentName) {
        return structured(client.callTool("update_agent", "{\"agent\":\"" + agentName + "\",\"action\":\"run_now\"}")).getString("run_id");
    }

    public void pause(String agentName) {
        structured(client.callTool("update_agent", "{\"agent\":\"" + agentName + "\",\"action\":\"pause\"}"));
    }

    public String orgId() {
        return structured(client.callTool("whoami", "{}")).getJsonObject("org").getString("id");
    }

    public long budgetLeftToday() {
        return structured(client.callTool("whoami", "{}")).getJsonObject("budget").getJsonNumber("left_today").longValue();
    }

    public JsonObject run(String runId) {
        return structured(client.callTool("get_run", "{\"run_id\":\"" + runId + "\"}")).getJsonObject("run");
    }

    /** The agent's runs in the database, oldest first, once {@code enough} holds or {@code within} has passed. */
    public List<StoredRun> awaitRuns(String agentId, Duration within, Predicate<List<StoredRun>> enough) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        List<StoredRun> runs = runs(agentId);
        while (!enough.test(runs) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            runs = runs(agentId);
        }
        return runs;
    }

    public List<StoredRun> runs(String agentId) {
        try (Connection connection = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, status, reason, turns, tool_calls, units FROM agent_runs WHERE agent_id = ? ORDER BY started_at, id")) {
            query.setString(1, agentId);
            List<StoredRun> runs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new StoredRun(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5), rows.getLong(6)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the org has been charged today, as the database holds it (holds of calls in flight included). */
    public long unitsUsedToday(String orgId) {
        try (Connection connection = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(units), 0) FROM org_usage WHERE org_id = ?")) {
            query.setString(1, orgId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The MCP conformance suite (@modelcontextprotocol/conformance 0.2.0-alpha.12, on Node 22) against MCProspero with a
 * signed-in token, in both eras: the 2025-11-25 scenarios of a session-based server, and everything the 2026-07-28
 * requirement set names, where only the checks in {@code conformance-baseline.yml} may fail (each calls the reference
 * server's fixtures or needs a capability MCProspero does not declare, and says so). {@code conformance.mjs} puts a
 * proxy in front of /mcp that adds this test's bearer token, since the suite's client sends none.
 */
class ConformanceIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void bothErasPassEverythingThatApplies() throws Exception {
        String accessToken = new LocalSignIn(server).tokensFor("conformance@example.com").accessToken();

        NodeRun run = NodeRun.of("conformance.mjs", server.mcpUrl(), accessToken);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject verdict = run.verdict();
        assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
        assertThat(verdict.getJsonArray("legacy").getValuesAs(JsonValue::asJsonObject))
                .as(run.describe())
                .extracting(result -> result.getString("scenario"))
                .containsExactly("server-initialize", "server-session-lifecycle", "ping", "tools-list",
                        "server-sse-multiple-streams", "dns-rebinding-protection");
        assertThat(verdict.getJsonArray("legacy").getValuesAs(JsonValue::asJsonObject))
                .allSatisfy(result -> assertThat(result.getBoolean("passed")).as(result.toString()).isTrue());
        JsonObject modern = verdict.getJsonObject("modern");
        assertThat(modern.getInt("exitCode")).as(run.describe()).isZero();
        assertThat(modern.getJsonArray("unexpected")).as(run.describe()).isEmpty();
        assertThat(modern.getInt("scenarios")).as("the whole requirement set ran").isGreaterThanOrEqualTo(50);
        assertThat(modern.getJsonArray("table").getValuesAs(JsonValue::asJsonObject))
                .filteredOn(row -> row.getBoolean("scored"))
                .as("every scored failure is in the baseline, with its reason")
                .allSatisfy(row -> {
                    assertThat(row.getInt("failed")).as(row.toString()).isEqualTo(row.getInt("expected"));
                    if (row.getInt("expected") > 0) {
                        assertThat(row.getString("reason")).as(row.toString()).isNotBlank();
                    }
                });
        assertThat(modern.getJsonArray("table").getValuesAs(JsonValue::asJsonObject))
                .filteredOn(row -> row.getString("scenario").equals("server-stateless"))
                .singleElement()
                .satisfies(row -> assertThat(row.getInt("passed")).as(row.toString()).isGreaterThanOrEqualTo(24));
    }
}

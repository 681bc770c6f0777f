package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The MCP conformance suite (@modelcontextprotocol/conformance, on Node 22) passes every server scenario
 * that applies to a server offering tools only. {@code conformance.mjs} decides which apply (the others
 * need the suite's fixture tools, prompts or resources, or SSE streams) and puts a proxy in front of /mcp
 * that adds this test's bearer token, since the suite's client sends none.
 */
class ConformanceIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void everyApplicableServerScenarioPasses() throws Exception {
        String accessToken = new LocalSignIn(server).tokensFor("conformance@example.com").accessToken();

        NodeRun run = NodeRun.of("conformance.mjs", server.mcpUrl(), accessToken);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject verdict = run.verdict();
        assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
        assertThat(verdict.getJsonArray("failed")).as(run.describe()).isEmpty();
        assertThat(verdict.getJsonArray("unclassified")).as(run.describe()).isEmpty();
        assertThat(verdict.getJsonArray("passed").getValuesAs(JsonString::getString)).as(run.describe())
                .contains("server-initialize", "ping", "tools-list", "server-sse-multiple-streams", "dns-rebinding-protection");
        assertThat(verdict.getJsonArray("notApplicable").getValuesAs(JsonValue::asJsonObject))
                .as("every scenario left out says why")
                .allSatisfy(skipped -> assertThat(skipped.getString("reason")).isNotBlank());
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK client (npm) connects from the MCP URL alone, with the SDK's own OAuth:
 * 401 → protected resource and authorization server metadata → dynamic registration → sign-in → code
 * exchange → initialize → tools; then create_org, switch_org, whoami shows the new org with role owner, and
 * leave_org asks the person by elicitation/create on the call's stream and completes when the SDK's handler says yes;
 * a rejected access token makes the SDK spend the rotating refresh token instead of signing in again.
 * The story itself is {@code ts-client-flow.mjs}; this test runs it and reads its verdict.
 */
class TypeScriptSdkConnectIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void theTypeScriptSdkClientConnectsThroughOAuthAndWorksWithOrgs() throws Exception {
        String email = "ts-sdk@example.com";

        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), email, ServerUnderTest.ACCESS_CODE);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject verdict = run.verdict();
        assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
        assertThat(verdict.getString("email")).isEqualTo(email);
        assertThat(verdict.getString("orgName")).startsWith("TS Org ");
        assertThat(verdict.getString("role")).isEqualTo("owner");
        assertThat(verdict.getBoolean("refreshed")).isTrue();
        assertThat(verdict.getInt("questions")).as("leave_org asked once, by 2025-11-25 elicitation").isEqualTo(1);
        assertThat(verdict.getJsonArray("tools").getValuesAs(JsonString::getString))
                .contains("whoami", "list_orgs", "create_org", "switch_org");
        assertThat(verdict.getJsonObject("server").getString("name")).isEqualTo("mcprospero");
        assertThat(verdict.getJsonObject("server").getString("version")).isEqualTo(System.getProperty("it.version"));
    }
}

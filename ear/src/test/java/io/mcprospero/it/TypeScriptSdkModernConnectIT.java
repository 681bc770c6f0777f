package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The MCP TypeScript SDK v2 client (@modelcontextprotocol/client 2.4.0), pinned to 2026-07-28, connects from the MCP
 * URL alone with the SDK's own OAuth, once registering dynamically and once presenting a Client ID Metadata Document
 * (claude.ai's, served by {@link CimdStandIn}): no initialize, no session; server/discover → tools/list → whoami →
 * create_org → switch_org → whoami shows it; org_id acts elsewhere for one call; leave_org asks the person by
 * elicitation inside the call (multi round-trip) and completes when the SDK's handler says yes; a refresh follows a
 * 401. The story is {@code ts-modern-flow.mjs}; this test runs it and reads its verdict.
 */
class TypeScriptSdkModernConnectIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void registeringDynamically() throws Exception {
        JsonObject verdict = connect("ts-modern-dcr@example.com", "dcr");

        assertThat(verdict.getString("clientId")).doesNotStartWith("https://");
    }

    @Test
    void presentingAClientIdMetadataDocument() throws Exception {
        CimdStandIn.shared();

        JsonObject verdict = connect("ts-modern-cimd@example.com", "cimd", CimdStandIn.CLAUDE_CLIENT_ID,
                "https://claude.ai/api/mcp/auth_callback");

        assertThat(verdict.getString("clientId")).isEqualTo(CimdStandIn.CLAUDE_CLIENT_ID);
    }

    private JsonObject connect(String email, String... registration) throws Exception {
        String[] arguments = new String[3 + registration.length];
        arguments[0] = server.mcpUrl();
        arguments[1] = email;
        arguments[2] = ServerUnderTest.ACCESS_CODE;
        System.arraycopy(registration, 0, arguments, 3, registration.length);

        NodeRun run = NodeRun.of("ts-modern-flow.mjs", arguments);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject verdict = run.verdict();
        assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
        assertThat(verdict.getString("email")).isEqualTo(email);
        assertThat(verdict.getInt("questions")).isEqualTo(1);
        assertThat(verdict.getJsonArray("tools").getValuesAs(JsonString::getString))
                .contains("whoami", "list_orgs", "create_org", "switch_org", "leave_org")
                .doesNotContain("admin");
        assertThat(verdict.getJsonObject("server").getString("version")).isEqualTo(System.getProperty("it.version"));
        return verdict;
    }
}

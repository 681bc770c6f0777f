package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.SdkOAuth;
import io.mcprospero.it.support.ServerUnderTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientAuthorizationErrorHandler;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK client connects from the MCP URL alone: 401 → discovery → registration →
 * sign-in → token → initialize → tools; then whoami, create_org, switch_org, whoami shows the new org.
 */
class JavaSdkConnectIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void theJavaSdkClientConnectsThroughOAuthAndWorksWithOrgs() {
        SdkOAuth oauth = new SdkOAuth(server, "java-sdk@example.com");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.baseUrl())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        oauth.accessToken().ifPresent(token -> request.header("Authorization", "Bearer " + token)))
                .authorizationErrorHandler(McpHttpClientAuthorizationErrorHandler.fromSync((response, context) -> oauth.onUnauthorized(response)))
                .build();

        try (McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("mcprospero-it", "1"))
                .requestTimeout(Duration.ofSeconds(30))
                .build()) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertThat(oauth.discoveredFromChallenge()).isTrue();
            assertThat(initialized.serverInfo().name()).isEqualTo("mcprospero");

            assertThat(SdkOAuth.names(client.listTools().tools())).contains("whoami", "list_orgs", "create_org", "switch_org");

            Map<?, ?> me = structured(client.callTool(new McpSchema.CallToolRequest("whoami", Map.of())));
            assertThat(((Map<?, ?>) me.get("user")).get("email")).isEqualTo("java-sdk@example.com");
            assertThat(((Map<?, ?>) me.get("org")).get("name")).isEqualTo("Personal");

            Map<?, ?> created = (Map<?, ?>) structured(client.callTool(
                    new McpSchema.CallToolRequest("create_org", Map.of("name", "Java SDK Org")))).get("org");
            structured(client.callTool(new McpSchema.CallToolRequest("switch_org", Map.of("org_id", created.get("id")))));

            Map<?, ?> org = (Map<?, ?>) structured(client.callTool(new McpSchema.CallToolRequest("whoami", Map.of()))).get("org");
            assertThat(org.get("id")).isEqualTo(created.get("id"));
            assertThat(org.get("name")).isEqualTo("Java SDK Org");
            assertThat(org.get("role")).isEqualTo("owner");
        }
    }

    private static Map<?, ?> structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(result.toString()).isFalse();
        return (Map<?, ?>) result.structuredContent();
    }
}

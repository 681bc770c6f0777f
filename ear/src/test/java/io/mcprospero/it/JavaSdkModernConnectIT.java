package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.SdkOAuth;
import io.mcprospero.it.support.ServerUnderTest;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpAuthorizationErrorHandler;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK's 2026-07-28 client ({@code io.modelcontextprotocol.modern.client}, 2.2.0) connects from
 * the MCP URL alone: 401 → discovery → registration → sign-in → token → server/discover → tools/list → whoami →
 * create_org → switch_org → whoami shows it, statelessly; leave_org's confirmation is answered by the client's form
 * elicitation handler within the call.
 */
class JavaSdkModernConnectIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void theModernJavaSdkClientConnectsThroughOAuthAndWorksWithOrgs() {
        SdkOAuth oauth = new SdkOAuth(server, "java-sdk-modern@example.com");
        HttpClientMcpTransport transport = HttpClientMcpTransport.builder(server.mcpUrl())
                .requestCustomizer(McpHttpRequestCustomizer.fromSync((request, headers, context) ->
                        oauth.accessToken().ifPresent(token -> headers.set("Authorization", "Bearer " + token))))
                .authorizationErrorHandler(McpHttpAuthorizationErrorHandler.fromSync((request, response, context) ->
                        oauth.onUnauthorized(response.headers())))
                .build();
        List<String> asked = new ArrayList<>();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("mcprospero-it-modern", "1").build())
                .callTimeout(Duration.ofSeconds(30))
                .formElicitation(request -> {
                    asked.add(request.message());
                    return McpSchema.ElicitResult.accept(Map.of("confirm", true));
                })
                .build();

        McpSchema.DiscoverResult discovered = client.discover();
        assertThat(oauth.discoveredFromChallenge()).isTrue();
        assertThat(discovered.supportedVersions()).contains("2026-07-28", "2025-11-25");
        assertThat(discovered.capabilities().tools()).isNotNull();

        assertThat(client.listTools().list().tools()).extracting(McpSchema.Tool::name)
                .contains("whoami", "list_orgs", "create_org", "switch_org", "leave_org");

        Map<?, ?> me = structured(client.tool("whoami").call());
        assertThat(((Map<?, ?>) me.get("user")).get("email")).isEqualTo("java-sdk-modern@example.com");
        assertThat(((Map<?, ?>) me.get("org")).get("name")).isEqualTo("Personal");

        Map<?, ?> created = (Map<?, ?>) structured(client.tool("create_org").arguments(Map.of("name", "Java Modern Org")).call()).get("org");
        structured(client.tool("switch_org").arguments(Map.of("org_id", created.get("id"))).call());
        Map<?, ?> org = (Map<?, ?>) structured(client.tool("whoami").call()).get("org");
        assertThat(org.get("id")).isEqualTo(created.get("id"));
        assertThat(org.get("role")).isEqualTo("owner");

        Map<?, ?> left = structured(client.tool("leave_org").arguments(Map.of("org_id", created.get("id"))).call());
        assertThat(left.get("outcome")).isEqualTo("left");
        assertThat(asked).singleElement().asString().contains("Java Modern Org");
        assertThat(((Map<?, ?>) structured(client.tool("whoami").call()).get("org")).get("name")).isEqualTo("Personal");
    }

    private static Map<?, ?> structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(result.toString()).isNotEqualTo(Boolean.TRUE);
        assertThat(result.resultType()).isEqualTo("complete");
        return (Map<?, ?>) result.structuredContent();
    }
}

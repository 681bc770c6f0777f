package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP transport's rules: sessions, protocol version header, Origin, JSON-RPC errors. */
class McpTransportIT {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    private final ServerUnderTest server = ServerUnderTest.shared();
    private RawMcp mcp;

    @BeforeEach
    void signIn() {
        mcp = new RawMcp(server, new LocalSignIn(server).tokensFor("ivan@example.com").accessToken());
    }

    @Test
    void initializeNegotiatesAVersionAndIssuesASession() {
        for (String version : new String[] {"2025-11-25", "2025-06-18", "2025-03-26"}) {
            HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                    + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Mcp-Session-Id")).isPresent();
            JsonObject result = Http.json(response).getJsonObject("result");
            assertThat(result.getString("protocolVersion")).isEqualTo(version);
            assertThat(result.getJsonObject("capabilities").containsKey("tools")).isTrue();
        }
    }

    @Test
    void anUnknownRequestedVersionGetsTheLatest() {
        HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"1999-01-01\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", null);
        assertThat(Http.json(response).getJsonObject("result").getString("protocolVersion")).isEqualTo("2025-11-25");
    }

    @Test
    void pingAndNotificationsWithinASession() {
        String session = mcp.initialize();

        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session).statusCode()).isEqualTo(202);
        HttpResponse<String> ping = mcp.post(PING, session);
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(Http.json(ping).getJsonObject("result")).isEmpty();
    }

    @Test
    void aRequestWithoutSessionIsABadRequest() {
        mcp.initialize();
        assertThat(mcp.post(PING, null).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertThat(mcp.post(PING, "no-such-session").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersSessionIsNotFound() {
        String session = mcp.initialize();
        RawMcp mallory = new RawMcp(server, new LocalSignIn(server).tokensFor("mallory@example.com").accessToken());

        assertThat(mallory.post(PING, session).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteEndsTheSession() {
        String session = mcp.initialize();
        String token = new LocalSignIn(server).tokensFor("ivan@example.com").accessToken();

        HttpResponse<String> deleted = Http.delete(server.mcpUrl(), "Authorization", "Bearer " + token, "Mcp-Session-Id", session);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(mcp.post(PING, session).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIsABadRequest() {
        String session = mcp.initialize();
        assertThat(mcp.post(PING, session, "MCP-Protocol-Version", "2024-01-01").statusCode()).isEqualTo(400);
    }

    @Test
    void anUntrustedOriginIsForbidden() {
        String session = mcp.initialize();
        assertThat(mcp.post(PING, session, "Origin", "http://evil.example.com").statusCode()).isEqualTo(403);
        assertThat(mcp.post(PING, session, "Origin", "http://localhost:6274").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsAParseError() {
        HttpResponse<String> response = mcp.post("{\"jsonrpc\":", mcp.initialize());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).getJsonObject("error").getInt("code")).isEqualTo(-32700);
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        mcp.initialize();
        assertThat(mcp.request("completion/complete", null).getJsonObject("error").getInt("code")).isEqualTo(-32601);
    }

    @Test
    void batchesAreAnInvalidRequest() {
        HttpResponse<String> response = mcp.post("[" + PING + "]", mcp.initialize());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).getJsonObject("error").getInt("code")).isEqualTo(-32600);
    }

    @Test
    void getOffersNoStream() {
        String token = new LocalSignIn(server).tokensFor("ivan@example.com").accessToken();
        assertThat(Http.get(server.mcpUrl(), "Authorization", "Bearer " + token, "Accept", "text/event-stream").statusCode())
                .isEqualTo(405);
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of MCP 2026-07-28 on /mcp, request by request, as a client that breaks them would meet them: per-request
 * _meta, headers that must say what the body says, the version error, removed methods, resultType and caching hints,
 * and the request shapes Claude's clients are seen to send, which the default serves.
 */
class ModernTransportIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final ModernMcp mcp = new ModernMcp(server, new LocalSignIn(server).tokensFor("modern@example.com").accessToken());

    @Test
    void discoverAnswersWithVersionsCapabilitiesIdentityAndCachingHints() {
        HttpResponse<String> response = mcp.request("server/discover", "{}", "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = ModernMcp.json(response).getJsonObject("result");
        assertThat(result.getString("resultType")).isEqualTo("complete");
        assertThat(result.getJsonArray("supportedVersions").getValuesAs(JsonString::getString))
                .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
        assertThat(result.getJsonObject("capabilities").getJsonObject("tools").getBoolean("listChanged")).isTrue();
        assertThat(result.getString("instructions")).contains("whoami");
        JsonObject serverInfo = result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo");
        assertThat(serverInfo.getString("name")).isEqualTo("mcprospero");
        assertThat(serverInfo.getString("version")).isEqualTo(System.getProperty("it.version"));
        assertThat(serverInfo.getJsonArray("icons").getValuesAs(JsonValue::asJsonObject))
                .extracting(icon -> icon.getString("src"))
                .containsExactly(server.baseUrl() + "/icons/mcprospero.svg", server.baseUrl() + "/icons/mcprospero-128.png");
        assertThat(result.getJsonNumber("ttlMs").longValue()).isPositive();
        assertThat(result.getString("cacheScope")).isEqualTo("public");
        HttpResponse<String> icon = Http.get(server.baseUrl() + "/icons/mcprospero-128.png");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aRequestWhoseMetaIsMissingOrMistypedIsInvalidParamsWith400() {
        List<String> broken = List.of(
                "{}",
                "{\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{}}}",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":20260728,\"io.modelcontextprotocol/clientCapabilities\":{}}}",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":\"all\"}}",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                        + "\"progressToken\":{\"no\":1}}}",
                "{\"_meta\":\"2026-07-28\"}");
        for (String params : broken) {
            HttpResponse<String> response = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":\"meta-1\",\"method\":\"server/discover\",\"params\":" + params + "}",
                    ModernMcp.headers("server/discover", null));

            assertThat(response.statusCode()).as(params + " -> " + response.body()).isEqualTo(400);
            JsonObject error = ModernMcp.json(response);
            assertThat(error.getString("id")).isEqualTo("meta-1");
            assertThat(error.getJsonObject("error").getInt("code")).as(params).isEqualTo(-32602);
            assertThat(error.getJsonObject("error").getString("message")).contains("_meta");
        }
    }

    @Test
    void theHeadersMustSayWhatTheBodySays() {
        String whoami = mcp.body("tools/call", "{\"_meta\":" + ModernMcp.meta("{}") + ",\"name\":\"whoami\",\"arguments\":{}}");

        assertMismatch(mcp.post(whoami, "Mcp-Method", "tools/call", "Mcp-Name", "whoami"), "MCP-Protocol-Version");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Name", "whoami"), "Mcp-Method");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list", "Mcp-Name", "whoami"), "tools/list");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call"), "Mcp-Name");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "list_orgs"), "list_orgs");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name",
                "=?base64?" + base64("list_orgs") + "?="), "list_orgs");
        assertMismatch(mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "=?base64?%%%?="), "Base64");

        HttpResponse<String> encoded = mcp.post(whoami, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "=?base64?" + base64("whoami") + "?=");
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
        assertThat(ModernMcp.json(encoded).getJsonObject("result").getBoolean("isError")).isFalse();
    }

    private static void assertMismatch(HttpResponse<String> response, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = ModernMcp.json(response).getJsonObject("error");
        assertThat(error.getInt("code")).as(response.body()).isEqualTo(-32020);
        assertThat(error.getString("message")).contains(named);
    }

    @Test
    void anUnsupportedVersionIsAnsweredWithTheSupportedOnes() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";

        HttpResponse<String> response = mcp.post(body, "MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonObject error = ModernMcp.json(response).getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(-32022);
        assertThat(error.getJsonObject("data").getString("requested")).isEqualTo("2099-01-01");
        assertThat(error.getJsonObject("data").getJsonArray("supported").getValuesAs(JsonString::getString)).contains("2026-07-28");
    }

    @Test
    void removedAndUnknownMethodsAre404MethodNotFound() {
        for (String method : List.of("ping", "initialize", "logging/setLevel", "resources/subscribe", "no/such-method")) {
            HttpResponse<String> response = mcp.request(method, "{}", "{}");

            assertThat(response.statusCode()).as(method + " -> " + response.body()).isEqualTo(404);
            assertThat(ModernMcp.json(response).getJsonObject("error").getInt("code")).isEqualTo(-32601);
        }
    }

    @Test
    void toolsListIsPrivateCacheableAndInTheSameOrderEveryTime() {
        JsonObject first = ModernMcp.json(mcp.request("tools/list", "{}", "{}")).getJsonObject("result");
        JsonObject second = ModernMcp.json(mcp.request("tools/list", "{}", "{}")).getJsonObject("result");

        List<String> names = first.getJsonArray("tools").getValuesAs(JsonValue::asJsonObject).stream().map(tool -> tool.getString("name")).toList();
        assertThat(names).isSorted().contains("whoami", "switch_org").doesNotContain("admin");
        assertThat(second.getJsonArray("tools")).isEqualTo(first.getJsonArray("tools"));
        assertThat(first.getString("resultType")).isEqualTo("complete");
        assertThat(first.getString("cacheScope")).isEqualTo("private");
        assertThat(first.getJsonNumber("ttlMs").longValue()).isPositive();
        assertThat(first.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name")).isEqualTo("mcprospero");
        assertThat(first.getJsonArray("tools").getValuesAs(JsonValue::asJsonObject))
                .allSatisfy(tool -> assertThat(tool.getString("title")).isNotBlank())
                .allSatisfy(tool -> assertThat(tool.getJsonObject("annotations").containsKey("readOnlyHint")).isTrue())
                .allSatisfy(tool -> assertThat(tool.getJsonObject("outputSchema").getString("type")).isEqualTo("object"));
    }

    @Test
    void aToolResultCarriesResultTypeTheServerAndTheToolSurface() {
        JsonObject result = mcp.callTool("whoami", "{}").getJsonObject("result");

        assertThat(result.getString("resultType")).isEqualTo("complete");
        assertThat(result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name")).isEqualTo("mcprospero");
        assertThat(result.getJsonObject("_meta").getString("io.mcprospero/tool-surface")).isNotBlank();
        assertThat(result.getJsonObject("structuredContent").getJsonObject("user").getString("email")).isEqualTo("modern@example.com");
    }

    @Test
    void aSessionIdOnAModernRequestIsIgnored() {
        String body = mcp.body("tools/list", "{\"_meta\":" + ModernMcp.meta("{}") + "}");

        HttpResponse<String> response = mcp.post(body, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list",
                "Mcp-Session-Id", "not-a-session");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }

    @Test
    void claudeShapeAModernRequestWhoseHeaderSays20251125IsServedByItsMeta() {
        String body = mcp.body("tools/call", "{\"_meta\":" + ModernMcp.meta("{}") + ",\"name\":\"whoami\",\"arguments\":{}}");

        HttpResponse<String> response = mcp.post(body, "MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/call", "Mcp-Name", "whoami");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ModernMcp.json(response).getJsonObject("result").getString("resultType")).isEqualTo("complete");
    }

    @Test
    void claudeShapeALegacySessionWhoseRequestsSay20260728IsServedOnItsNegotiatedVersion() {
        RawMcp legacy = new RawMcp(server, new LocalSignIn(server).tokensFor("claude-shape-b@example.com").accessToken());
        String session = legacy.initialize();

        HttpResponse<String> response = legacy.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}",
                session, "MCP-Protocol-Version", "2026-07-28");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = Http.json(response).getJsonObject("result");
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(result.containsKey("resultType")).as("answered in the session's 2025-11-25 shape").isFalse();
    }

    @Test
    void claudeShapeLegacyRequestsWithoutAVersionHeaderAreServed() {
        RawMcp legacy = new RawMcp(server, new LocalSignIn(server).tokensFor("claude-shape-c@example.com").accessToken());
        String session = legacy.initialize();

        HttpResponse<String> response = legacy.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", session);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getJsonObject("result").getJsonArray("tools")).isNotEmpty();
    }

    @Test
    void deepNestingHugeBodiesAndBadHeaderCharactersAreRefusedWithoutA500OrALongLogLine() {
        int logBefore = server.logText().length();
        String deep = "[".repeat(20_000) + "]".repeat(20_000);

        HttpResponse<String> nested = mcp.post(deep, ModernMcp.headers("tools/list", null));
        HttpResponse<String> huge = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"pad\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}}", ModernMcp.headers("tools/list", null));
        HttpResponse<String> control = mcp.post(mcp.body("tools/call", "{\"_meta\":" + ModernMcp.meta("{}") + ",\"name\":\"whoami\"}"),
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "who\u00e4mi");

        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
        assertThat(ModernMcp.json(nested).getJsonObject("error").getInt("code")).isEqualTo(-32700);
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
        assertThat(ModernMcp.json(huge).getJsonObject("error").getString("message")).contains("bytes");
        assertThat(control.statusCode()).as(control.body()).isEqualTo(400);
        assertThat(server.logText().substring(logBefore).lines())
                .noneMatch(line -> line.contains("\"SEVERE\""))
                .allSatisfy(line -> assertThat(line.length()).isLessThan(8_000));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** JSON-RPC over /mcp by hand, for tests of the transport's rules that an SDK client would never break. */
public final class RawMcp {

    private final ServerUnderTest server;
    private final String accessToken;
    private final AtomicInteger ids = new AtomicInteger();
    private String sessionId;

    public RawMcp(ServerUnderTest server, String accessToken) {
        this.server = server;
        this.accessToken = accessToken;
    }

    public String initialize() {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        sessionId = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        return sessionId;
    }

    public HttpResponse<String> post(String body, String session, String... extraHeaders) {
        String[] headers = new String[6 + extraHeaders.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + accessToken;
        headers[2] = "Accept";
        headers[3] = "application/json, text/event-stream";
        headers[4] = "Mcp-Session-Id";
        headers[5] = session;
        System.arraycopy(extraHeaders, 0, headers, 6, extraHeaders.length);
        if (session == null) {
            String[] withoutSession = new String[headers.length - 2];
            System.arraycopy(headers, 0, withoutSession, 0, 4);
            System.arraycopy(headers, 6, withoutSession, 4, extraHeaders.length);
            headers = withoutSession;
        }
        return Http.postJson(server.mcpUrl(), body, headers);
    }

    /** A request in the current session; returns the JSON-RPC response object. */
    public JsonObject request(String method, String paramsJson) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}";
        HttpResponse<String> response = post(body, sessionId, "MCP-Protocol-Version", "2025-11-25");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    public JsonObject callTool(String name, String argumentsJson) {
        return request("tools/call", "{\"name\":\"" + name + "\",\"arguments\":" + argumentsJson + "}");
    }

    public String sessionId() {
        return sessionId;
    }

    /** Goes on with a session opened earlier (by another client object, or before a restart). */
    public RawMcp resume(String existingSessionId) {
        sessionId = existingSessionId;
        return this;
    }
}

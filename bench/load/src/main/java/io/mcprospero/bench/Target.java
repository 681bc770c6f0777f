package io.mcprospero.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What one load client sends and what counts as a good answer. */
interface Target {

    String name();

    /** The request client {@code client} sends as its {@code sequence}-th request. */
    byte[] request(int client, long sequence);

    /** Whether this response is a success (the rest are counted as errors). */
    boolean succeeded(HttpConnection.Response response);

    /** A plain GET that must answer 200 with a body containing {@code expected}. */
    static Target get(String name, String host, String path, String expected) {
        byte[] request = ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Accept: application/json\r\n"
                + "User-Agent: mcprospero-bench\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new Target() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public byte[] request(int client, long sequence) {
                return request;
            }

            @Override
            public boolean succeeded(HttpConnection.Response response) {
                return response.status() == 200 && response.body().contains(expected);
            }
        };
    }

    /**
     * MCP {@code tools/call} of a tool without arguments, one MCP session per client (each with its own bearer
     * token); must answer 200 with a tool result that is not an error.
     */
    static Target toolCall(String name, String host, String tool, List<McpClient> clients) {
        return toolCall(name, host, clients, client -> "Mcp-Session-Id: " + client.sessionId() + "\r\n"
                + "MCP-Protocol-Version: " + McpClient.PROTOCOL_VERSION + "\r\n",
                "\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}");
    }

    /**
     * MCP 2026-07-28 {@code tools/call} of a tool without arguments, as a modern client sends it: no session, every
     * request carrying its {@code _meta} (protocol version, client info and capabilities) and the
     * {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers; each client with its own bearer
     * token. Must answer 200 with a tool result that is not an error.
     */
    static Target modernToolCall(String name, String host, String tool, List<McpClient> clients) {
        return toolCall(name, host, clients, client -> "MCP-Protocol-Version: " + McpClient.MODERN_VERSION + "\r\n"
                + "Mcp-Method: tools/call\r\n"
                + "Mcp-Name: " + tool + "\r\n",
                "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + McpClient.MODERN_VERSION + "\","
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"mcprospero-bench\",\"version\":\"1\"},"
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}},\"name\":\"" + tool + "\",\"arguments\":{}}}");
    }

    /** A tools/call per client with its bearer token, these era-specific headers, and this params member. */
    private static Target toolCall(String name, String host, List<McpClient> clients,
                                   java.util.function.Function<McpClient, String> eraHeaders, String params) {
        String[] heads = new String[clients.size()];
        for (int i = 0; i < heads.length; i++) {
            McpClient client = clients.get(i);
            heads[i] = "POST /mcp HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Authorization: Bearer " + client.accessToken() + "\r\n"
                    + eraHeaders.apply(client)
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\n"
                    + "User-Agent: mcprospero-bench\r\n";
        }
        return new Target() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public byte[] request(int client, long sequence) {
                return post(heads[client], "{\"jsonrpc\":\"2.0\",\"id\":" + (sequence + 2) + ",\"method\":\"tools/call\"," + params);
            }

            @Override
            public boolean succeeded(HttpConnection.Response response) {
                return response.status() == 200 && response.body().contains("\"isError\":false");
            }
        };
    }

    /** A POST of {@code body} (UTF-8) after the request line and headers in {@code head}. */
    private static byte[] post(String head, String body) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = (head + "Content-Length: " + bodyBytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
        return request;
    }
}

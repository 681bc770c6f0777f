package io.mcprospero.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MCP 2026-07-28 over /mcp by hand: every request with its _meta and the MCP-Protocol-Version, Mcp-Method and Mcp-Name
 * headers, for tests of the protocol's rules that an SDK client would never break; and response streams (SSE) read
 * message by message.
 */
public final class ModernMcp {

    public static final String VERSION = "2026-07-28";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String mcpUrl;
    private final String accessToken;
    private final AtomicInteger ids = new AtomicInteger();

    public ModernMcp(ServerUnderTest server, String accessToken) {
        this(server.mcpUrl(), accessToken);
    }

    public ModernMcp(String mcpUrl, String accessToken) {
        this.mcpUrl = mcpUrl;
        this.accessToken = accessToken;
    }

    /** The _meta of a well-formed request, with these client capabilities (a JSON object). */
    public static String meta(String capabilities) {
        return "{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"raw-modern\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities + "}";
    }

    /** A well-formed request of this method, with these params (a JSON object without _meta) and capabilities. */
    public HttpResponse<String> request(String method, String params, String capabilities) {
        String withMeta = params == null || params.isBlank() || params.equals("{}")
                ? "{\"_meta\":" + meta(capabilities) + "}"
                : "{\"_meta\":" + meta(capabilities) + "," + params.strip().substring(1);
        String name = nameOf(method, withMeta);
        return post(body(method, withMeta), headers(method, name));
    }

    /** tools/call of a tool, as a client without elicitation sends it; returns the JSON-RPC response. */
    public JsonObject callTool(String tool, String arguments) {
        return json(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}", "{}"));
    }

    /** The standard headers of a request: version, method, and the name where the method has one. */
    public static String[] headers(String method, String name) {
        return name == null
                ? new String[] {"MCP-Protocol-Version", VERSION, "Mcp-Method", method}
                : new String[] {"MCP-Protocol-Version", VERSION, "Mcp-Method", method, "Mcp-Name", name};
    }

    public String body(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    /** A POST of exactly this body and these headers (besides the bearer token, Accept and Content-Type). */
    public HttpResponse<String> post(String body, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Authorization";
        all[1] = "Bearer " + accessToken;
        all[2] = "Accept";
        all[3] = "application/json, text/event-stream";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return Http.postJson(mcpUrl, body, all);
    }

    /** Opens a request whose answer is a stream, and reads its messages as they come. */
    public Stream open(String method, String params, String capabilities) {
        return openRaw(method, params, meta(capabilities));
    }

    /** As {@link #open(String, String, String)} for a tools/call that asks for progress with this token. */
    public Stream openWithProgress(String params, String progressToken) {
        String meta = meta("{}");
        return openRaw("tools/call", params, meta.substring(0, meta.length() - 1) + ",\"progressToken\":\"" + progressToken + "\"}");
    }

    private Stream openRaw(String method, String params, String fullMeta) {
        String withMeta = "{\"_meta\":" + fullMeta + (params == null || params.equals("{}") ? "}" : "," + params.strip().substring(1));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mcpUrl))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(method, withMeta)));
        String[] headers = headers(method, nameOf(method, withMeta));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Stream(request.build());
    }

    private static String nameOf(String method, String params) {
        return switch (method) {
            case "tools/call", "prompts/get" -> parse(params).getString("name", null);
            case "resources/read" -> parse(params).getString("uri", null);
            default -> null;
        };
    }

    public static JsonObject json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** One response stream: its status and content type, and its messages in order. */
    public static final class Stream implements AutoCloseable {

        private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final HttpResponse<InputStream> response;
        private final Thread reader;

        /** A stream of any request built by hand (a legacy session's call, say). */
        public static Stream of(HttpRequest request) {
            return new Stream(request);
        }

        Stream(HttpRequest request) {
            try {
                response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IllegalStateException("could not open the stream", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        /** The next message, waiting at most this long; null if none came. */
        public JsonObject next(Duration within) throws InterruptedException {
            return messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Every message until the stream ends or the time is up. */
        public List<JsonObject> rest(Duration within) throws InterruptedException {
            List<JsonObject> all = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                JsonObject message = messages.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    all.add(message);
                } else if (!reader.isAlive() && messages.isEmpty()) {
                    break;
                }
            }
            return all;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        messages.add(parse(line.substring(5).strip()));
                    } else if (line.startsWith("{")) {
                        messages.add(parse(line));
                    }
                }
            } catch (IOException closed) {
                // the stream was closed by us or by the server
            }
        }

        /** Closes the stream from the client's side: to the server this cancels the request. */
        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}

package io.mcprospero.incontainer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in of Anthropic's Messages API ({@code POST /v1/messages}), run inside Payara Micro on the port that the
 * application's {@code mcprospero.llm.base-url} names, so that the real anthropic-java client of a run reaches it. It
 * speaks the wire format of AgentsIT's stand-in: the first turn asks for {@code remember}, and a conversation that
 * carries the tool's result is answered with the final text.
 */
final class MessagesStandIn {

    static final String FINAL_TEXT = "Digest done.";
    static final String NOTE = "digest sent";
    private static MessagesStandIn running;

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> apiKeys = new CopyOnWriteArrayList<>();

    private MessagesStandIn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/v1/messages", this::answer);
        server.start();
    }

    /** The one stand-in of this JVM, started on first use (the test methods run in the container, one after another). */
    static synchronized MessagesStandIn running() {
        if (running == null) {
            String baseUrl = ConfigProvider.getConfig(MessagesStandIn.class.getClassLoader()).getValue("mcprospero.llm.base-url", String.class);
            try {
                running = new MessagesStandIn(URI.create(baseUrl).getPort());
            } catch (IOException e) {
                throw new IllegalStateException("the model stand-in could not listen on " + baseUrl, e);
            }
        }
        return running;
    }

    /** The request bodies received, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> apiKeys() {
        return List.copyOf(apiKeys);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            // the SDK sends the key as x-api-key (or, configured so, as a bearer token)
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            apiKeys.add(key != null ? key : String.valueOf(bearer).replaceFirst("^Bearer ", ""));
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"POST only\"}}");
                return;
            }
            respond(exchange, 200, body.contains("tool_result") ? finalTurn() : firstTurn());
        }
    }

    private static String firstTurn() {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Noting it.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                + "\"name\":\"remember\",\"input\":{\"note\":\"" + NOTE + "\"}}],\"stop_reason\":\"tool_use\","
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}";
    }

    private static String finalTurn() {
        return "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + FINAL_TEXT + "\"}],\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":200,\"output_tokens\":10}}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

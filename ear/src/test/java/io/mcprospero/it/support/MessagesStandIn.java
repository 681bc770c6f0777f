package io.mcprospero.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in of Anthropic's Messages API for the crash tests, speaking its wire format: the first turn asks for the
 * remember tool, the turn after the tool result is done. Unlike a canned stub it can hold an answer: the first
 * tool-result turn of a conversation carrying a marker waits until the test has killed the instance that asked, so the
 * kill lands in the middle of a model call. Every request is recorded with the API key it carried, which tells
 * instances with different keys apart.
 */
public final class MessagesStandIn implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String apiKey, String body) {
        public boolean isFirstTurn() {
            return !body.contains("tool_result");
        }
    }

    static final String FIRST_TURN = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"Noting it.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\","
            + "\"name\":\"remember\",\"input\":{\"note\":\"digest sent\"}}],\"stop_reason\":\"tool_use\","
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}";
    static final String LAST_TURN = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"Digest done.\"}],\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":200,\"output_tokens\":10}}";
    /** What one run costs at Haiku's price: both turns' tokens in and out. */
    public static final long UNITS_PER_RUN = 120 + 30 + 200 + 10;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String holdMarker;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile Request heldRequest;

    private MessagesStandIn(HttpServer server) {
        this.server = server;
    }

    public static MessagesStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            MessagesStandIn standIn = new MessagesStandIn(server);
            server.createContext("/v1/messages", standIn::answer);
            server.setExecutor(standIn.threads);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Messages API stand-in", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds the next tool-result turn of a conversation that contains {@code marker} until {@link #release()}. */
    public synchronized void holdNextLastTurnOf(String marker) {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
        heldRequest = null;
        holdMarker = marker;
    }

    /** The held request, once it has arrived within {@code timeout}; null if none came. */
    public Request awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? heldRequest : null;
    }

    public void release() {
        released.countDown();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of the conversations that contain {@code marker}. */
    public List<Request> requestsOf(String marker) {
        return requests.stream().filter(request -> request.body().contains(marker)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(keyOf(exchange), body);
            requests.add(request);
            if (!request.isFirstTurn() && shouldHold(request)) {
                heldRequest = request;
                held.countDown();
                try {
                    released.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = (request.isFirstTurn() ? FIRST_TURN : LAST_TURN).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (IOException askerGone) {
            // the instance that asked was killed while its answer was held
        }
    }

    /** The key as the SDK sent it: x-api-key, or a bearer token. */
    private static String keyOf(HttpExchange exchange) {
        String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (apiKey == null && authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        return apiKey;
    }

    private synchronized boolean shouldHold(Request request) {
        if (holdMarker != null && request.body().contains(holdMarker)) {
            holdMarker = null;
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

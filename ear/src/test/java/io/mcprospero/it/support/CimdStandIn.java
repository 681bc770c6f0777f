package io.mcprospero.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server standing in for the hosts of Client ID Metadata Documents (and for a web host of http_fetch). Its certificate, made
 * with keytool for claude.ai and 127.0.0.1, is trusted by the server under test through
 * mcprospero.oauth.cimd.trust-store, and claude.ai:443 is pinned to it with mcprospero.oauth.cimd.resolve,
 * so the server fetches "https://claude.ai/..." from here, through the same code path as in production.
 */
public final class CimdStandIn {

    public static final String HOST = "claude.ai";
    public static final String CLAUDE_CLIENT_ID = "https://claude.ai/oauth/mcp-oauth-client-metadata";
    public static final String CLAUDE_METADATA = """
            {"client_id":"https://claude.ai/oauth/mcp-oauth-client-metadata","client_name":"Claude","client_uri":"https://claude.ai",
            "redirect_uris":["https://claude.ai/api/mcp/auth_callback","https://claude.com/api/mcp/auth_callback"],
            "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none"}""";
    private static final String PASSWORD = "stand-in-password";
    private static CimdStandIn shared;

    private final HttpsServer server;
    private final Path trustStore;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    /** What the stand-in answers at a path; {@code chunked} sends the body without a Content-Length. */
    public record Document(int status, Map<String, String> headers, String body, boolean chunked) {

        public static Document json(String body, String cacheControl) {
            return new Document(200, Map.of("Content-Type", "application/json", "Cache-Control", cacheControl), body, false);
        }
    }

    private CimdStandIn(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path keyStore = directory.resolve("stand-in.p12");
        trustStore = directory.resolve("stand-in-trust.p12");
        Path certificate = directory.resolve("stand-in.crt");
        for (Path file : List.of(keyStore, trustStore, certificate)) {
            Files.deleteIfExists(file);
        }
        keytool("-genkeypair", "-alias", "stand-in", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + HOST,
                "-ext", "SAN=dns:" + HOST + ",ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "stand-in", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "stand-in", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::answer);
        // many requests at once, some of them slow on purpose
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cimd-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        serve("/oauth/mcp-oauth-client-metadata", Document.json(CLAUDE_METADATA, "public, max-age=3600"));
    }

    /** The stand-in every test shares; started before the shared server, which is configured for it. */
    public static synchronized CimdStandIn shared() {
        if (shared == null) {
            try {
                shared = new CimdStandIn(Path.of(System.getProperty("it.work", "target/it")).resolve("cimd-stand-in"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the metadata document stand-in", e);
            }
        }
        return shared;
    }

    /** The server-under-test settings that route metadata document fetches of https://claude.ai here. */
    public Map<String, String> serverEnvironment() {
        return routedHere("MCPROSPERO_OAUTH_CIMD");
    }

    /** The settings under {@code prefix} (_RESOLVE, _TRUST_STORE, _TRUST_STORE_PASSWORD) that route https://claude.ai here and trust its certificate. */
    public Map<String, String> routedHere(String prefix) {
        return Map.of(
                prefix + "_RESOLVE", HOST + ":443=127.0.0.1:" + port(),
                prefix + "_TRUST_STORE", trustStore.toAbsolutePath().toString(),
                prefix + "_TRUST_STORE_PASSWORD", PASSWORD);
    }

    public void serve(String path, Document document) {
        documents.put(path, document);
    }

    /** As {@link #serve}, answering only after {@code delay}: a slow host, within the fetcher's time limit or beyond it. */
    public void serveSlowly(String path, Document document, Duration delay) {
        delays.put(path, delay);
        serve(path, document);
    }

    /** How many requests reached this path, served or not. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        Duration delay = delays.get(path);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Document document = documents.getOrDefault(path, new Document(404, Map.of("Content-Type", "text/plain"), "not here", false));
        byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
        document.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(document.status(), document.chunked() ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}

package io.mcprospero.net;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server with a keytool-made certificate for {@link #HOST}; with its pin and trust store in the
 * {@link FetchRoutes}, a guarded fetch of https://api.example.test/... lands here through the code path of production.
 */
public final class HttpsStandIn implements AutoCloseable {

    public static final String HOST = "api.example.test";
    public static final String PASSWORD = "stand-in-password";

    private final HttpsServer server;
    private final Path trustStore;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** What the stand-in answers at a path; {@code chunked} sends the body without a Content-Length. */
    public record Answer(int status, Map<String, String> headers, byte[] body, boolean chunked) {

        public static Answer text(String contentType, String body) {
            return new Answer(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    public HttpsStandIn(Path directory) throws Exception {
        Files.createDirectories(directory);
        Path keyStore = directory.resolve("stand-in.p12");
        trustStore = directory.resolve("stand-in-trust.p12");
        Path certificate = directory.resolve("stand-in.crt");
        for (Path file : List.of(keyStore, trustStore, certificate)) {
            Files.deleteIfExists(file);
        }
        keytool("-genkeypair", "-alias", "stand-in", "-keyalg", "EC", "-validity", "2", "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST,
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
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
        server.start();
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** The pin (as the resolve settings take it) that sends {@link #HOST}:443 here. */
    public String resolve() {
        return HOST + ":443=127.0.0.1:" + server.getAddress().getPort();
    }

    /** The PKCS12 store (password {@link #PASSWORD}) that trusts this server's certificate. */
    public String trustStore() {
        return trustStore.toString();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getRawPath(),
                new Answer(404, Map.of("Content-Type", "text/plain"), "not here".getBytes(StandardCharsets.UTF_8), false));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}

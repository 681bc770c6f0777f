package io.mcprospero.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal service on a port, outside the servers under test: temporal-testing's {@code TestServer} (real time, no
 * time skipping) in a JVM of its own, as a cluster would be. Servers reach it with {@link #serverEnvironment()}; it
 * outlives their crashes and restarts.
 */
public final class TemporalService implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private TemporalService(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static TemporalService start(String name) {
        int port = ServerUnderTest.freePort();
        Path log = Path.of(System.getProperty("it.work", "target/it")).resolve(name + "-temporal.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), "io.temporal.testserver.TestServer", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            TemporalService service = new TemporalService(port, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            service.awaitListening(Duration.ofSeconds(60));
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Temporal's test server", e);
        }
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Temporal's test server exited; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("Temporal's test server did not listen on " + port + " within " + timeout + "; see " + log);
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    /**
     * The settings that put a server on this service. Sticky execution is off: this service never moves a workflow
     * task off the sticky queue of a worker that died (a cluster does after the sticky schedule-to-start timeout), so
     * a killed instance's workflows would wait for it forever.
     */
    public Map<String, String> serverEnvironment() {
        return Map.of("MCPROSPERO_TEMPORAL_TARGET", target(), "MCPROSPERO_TEMPORAL_STICKY_SCHEDULE_TO_START", "PT0S");
    }

    public List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

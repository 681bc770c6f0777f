package io.mcprospero.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro uberjar started as its own process, the way an operator starts it, on a free port and in a
 * fresh directory; measures the wall time from starting the process until a GET answers 200, and reads the
 * process's memory (VmRSS, VmHWM) and CPU time from /proc.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    /**
     * Often enough for start-ups of tens of seconds, seldom enough not to load the server: the product's
     * readiness check logs a stack trace for every probe that arrives while it is still deploying.
     */
    private static final long POLL_MILLIS = 200;

    private final String name;
    private final Path directory;
    private final int port;
    private final Process process;
    private final long startedNanos;

    private ServerProcess(String name, Path directory, int port, Process process, long startedNanos) {
        this.name = name;
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code java <jvmArgs> -jar <jar> --port <free port> --nocluster} in {@code directory}. */
    static ServerProcess start(String name, Path jar, List<String> jvmArgs, Map<String, String> environment, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--port", String.valueOf(port), "--nocluster"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        return new ServerProcess(name, directory, port, process, started);
    }

    /**
     * Polls {@code path} every 200 ms until it answers 200 with a body containing {@code marker} (null: any body);
     * returns the wall time since the process was started.
     */
    Duration awaitReady(String path, String marker, Duration timeout) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl() + path);
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready; see "
                        + directory.resolve("server.log"));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && (marker == null || response.body().contains(marker))) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + directory.resolve("server.log"));
    }

    /** Resident set size in KiB of the server process (and of any processes it started). */
    long rssKib() {
        return sumStatus("VmRSS:");
    }

    /** Peak resident set size in KiB so far. */
    long peakRssKib() {
        return sumStatus("VmHWM:");
    }

    /** CPU time (user + system) the server process has used so far, in nanoseconds. */
    long cpuNanos() {
        long total = process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        for (ProcessHandle child : process.descendants().toList()) {
            total += child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    long descendantCount() {
        return process.descendants().count();
    }

    private long sumStatus(String field) {
        long total = readStatus(process.pid(), field);
        for (ProcessHandle child : process.descendants().toList()) {
            total += readStatus(child.pid(), field);
        }
        return total;
    }

    private static long readStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended meanwhile
        }
        return 0;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path directory() {
        return directory;
    }

    /** SIGTERM (Payara Micro shuts down and removes its runtime directory), SIGKILL after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

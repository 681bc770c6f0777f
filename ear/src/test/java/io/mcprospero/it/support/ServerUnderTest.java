package io.mcprospero.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built Payara Micro uberjar, started as a separate process, as an operator would start it. The
 * shared instance runs on PostgreSQL and starts once for the whole integration-test phase; tests that
 * need their own (H2, restarts) start more with {@link #start(String, Map)}, and tests of a start that must
 * fail with {@link #launch(String, Map)}.
 */
public final class ServerUnderTest implements AutoCloseable {

    /** What starting a process waits for. */
    private enum Awaited { READY, PAYARA_STARTED }

    public static final String ACCESS_CODE = "it-access-code-4711";
    public static final String ADMIN_EMAIL = "admin@example.com";
    /** The shared server's mcprospero.operations.token: the operators' password for /metrics. */
    public static final String OPERATIONS_TOKEN = "it-operations-token-0123456789abcdef";
    private static ServerUnderTest shared;
    private static RuntimeException sharedFailure;

    private final String name;
    private final int port;
    private final Path workDir;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    private ServerUnderTest(String name, int port, Map<String, String> environment) throws IOException {
        this.name = name;
        this.port = port;
        this.workDir = Path.of(System.getProperty("it.work", "target/it")).resolve(name);
        Files.createDirectories(workDir);
        this.log = workDir.resolve("server.log");
        this.environment = new HashMap<>(environment);
        Files.deleteIfExists(log);
    }

    /** The PostgreSQL-backed server every test class shares, started on first use. */
    public static synchronized ServerUnderTest shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            String database = database("it");
            recreateDatabase(database);
            try {
                Map<String, String> environment = new HashMap<>(Map.of(
                        "MCPROSPERO_DB_URL", jdbcUrl(database),
                        "MCPROSPERO_DB_USER", dbUser(),
                        "MCPROSPERO_CORS_ORIGINS", "http://localhost:6274",
                        "MCPROSPERO_ADMINS", ADMIN_EMAIL,
                        "MCPROSPERO_OPERATIONS_TOKEN", OPERATIONS_TOKEN,
                        "OTEL_TRACES_EXPORTER", "logging",
                        // sign-in is not what these tests are about; the allowlist has its own tests
                        "MCPROSPERO_SIGNUP_OPEN", "true",
                        // every test registers from 127.0.0.1; the rate itself is tested on its own server
                        "MCPROSPERO_OAUTH_REGISTRATION_RATE", "100000"));
                environment.putAll(CimdStandIn.shared().serverEnvironment());
                shared = start("shared", environment);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Starts another server with these settings (on top of the test defaults) and waits until it is ready. */
    public static ServerUnderTest start(String name, Map<String, String> environment) {
        return start(name, freePort(), environment);
    }

    /** As {@link #start(String, Map)}, on a port chosen in advance (when its URL must be known before it starts). */
    public static ServerUnderTest start(String name, int port, Map<String, String> environment) {
        return create(name, port, environment, Awaited.READY);
    }

    /**
     * Starts another server and returns once Payara has finished starting, whether or not the application deployed, or
     * once the process has ended: for tests of a start that must fail, where waiting for readiness would only wait out
     * the timeout.
     */
    public static ServerUnderTest launch(String name, Map<String, String> environment) {
        return create(name, freePort(), environment, Awaited.PAYARA_STARTED);
    }

    private static ServerUnderTest create(String name, int port, Map<String, String> environment, Awaited awaited) {
        try {
            ServerUnderTest server = new ServerUnderTest(name, port, environment);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.startProcess(awaited);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the server " + name, e);
        }
    }

    public void restart() {
        restartWith(Map.of());
    }

    /** Restarts with some settings changed, as an operator redeploying with a new configuration would. */
    public void restartWith(Map<String, String> changes) {
        environment.putAll(changes);
        restart(Awaited.READY);
    }

    /**
     * Starts again on the same data directory and database with some settings changed, as {@link #launch(String, Map)}
     * does: returns once Payara has finished starting, ready or not, or once the process has ended.
     */
    public void relaunchWith(Map<String, String> changes) {
        environment.putAll(changes);
        restart(Awaited.PAYARA_STARTED);
    }

    private void restart(Awaited awaited) {
        stop();
        try {
            startProcess(awaited);
        } catch (IOException e) {
            throw new IllegalStateException("could not restart the server " + name, e);
        }
    }

    private void startProcess(Awaited awaited) throws IOException {
        // the log is appended to across restarts; only what this start writes tells whether it is done
        int logBefore = Files.exists(log) ? logText().length() : 0;
        Path jar = Path.of(System.getProperty("it.uberjar", "target/mcprospero.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString(),
                "--port", String.valueOf(port), "--nocluster"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MCPROSPERO_DATA_DIR", workDir.resolve("data").toString());
        builder.environment().put("MCPROSPERO_IDENTITY_LOCAL_ACCESS_CODE", ACCESS_CODE);
        // every test signs in from 127.0.0.1; the authorize rate itself is tested on its own server (RegistrationLimitsIT)
        builder.environment().put("MCPROSPERO_OAUTH_AUTHORIZE_RATE", "100000");
        // every metadata document of the suite comes from the one stand-in host; the fetch limits are tested on their own server
        builder.environment().put("MCPROSPERO_OAUTH_CIMD_FETCH_RATE_PER_ADDRESS", "100000");
        builder.environment().put("MCPROSPERO_OAUTH_CIMD_FETCH_RATE_PER_HOST", "100000");
        builder.environment().putAll(environment);
        process = builder.start();
        try {
            if (awaited == Awaited.READY) {
                awaitReady(Duration.ofSeconds(300));
            } else {
                awaitPayaraStarted(logBefore, Duration.ofSeconds(300));
            }
        } catch (RuntimeException notReady) {
            process.destroyForcibly();
            throw notReady;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            requireAlive();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("workflow-engine")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("server " + name + " was not ready within " + timeout + "; see " + log);
    }

    /**
     * Payara's last start-up line ("Payara Micro ... ready in ... (ms)"), which it writes after deploying or failing to,
     * or the end of the process (a failed start ends it unless mcprospero.startup.exit-on-failure is false).
     */
    private void awaitPayaraStarted(int logBefore, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()
                    || logText().substring(logBefore).lines().anyMatch(line -> line.contains("Payara Micro ") && line.contains(" ready in "))) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Payara did not finish starting the server " + name + " within " + timeout + "; see " + log);
    }

    /** The exit status of the process, once it has ended within {@code timeout}; empty if it is still running then. */
    public java.util.OptionalInt exitStatus(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? java.util.OptionalInt.of(process.exitValue())
                    : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("server " + name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String mcpUrl() {
        return baseUrl() + "/mcp";
    }

    public int port() {
        return port;
    }

    /** The server's data directory (MCPROSPERO_DATA_DIR): the H2 file and the local master key file. */
    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the process as {@code kill -9} would (SIGKILL): no shutdown hook, no graceful stop of the workers. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The server's JVM system properties as {@code jcmd VM.system_properties} prints them (name=value lines). */
    public String systemProperties() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                "VM.system_properties").redirectErrorStream(true).start();
        String printed = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return printed;
    }

    @Override
    public void close() {
        stop();
    }

    /** The database name of a test area; {@code it.db.prefix} keeps parallel checkouts apart. */
    public static String database(String area) {
        return System.getProperty("it.db.prefix", "mcprospero") + "_" + area;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + System.getProperty("it.db.host", "127.0.0.1") + ":" + System.getProperty("it.db.port", "5432") + "/" + database;
    }

    public static String dbUser() {
        return System.getProperty("it.db.user", "postgres");
    }

    /** Recreates this database and returns the settings that put a server on it. */
    public static Map<String, String> onFreshDatabase(String database) {
        recreateDatabase(database);
        return Map.of("MCPROSPERO_DB_URL", jdbcUrl(database), "MCPROSPERO_DB_USER", dbUser());
    }

    /** Drops and creates a database, so that every run starts from an empty schema. */
    public static void recreateDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), dbUser(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on " + jdbcUrl("postgres") + " with trust auth for user " + dbUser(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

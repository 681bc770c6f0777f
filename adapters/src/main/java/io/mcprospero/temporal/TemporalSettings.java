package io.mcprospero.temporal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How this instance reaches Temporal, read from {@code mcprospero.temporal.*}: no target means the in-process
 * service; a target is a cluster's frontend, with its namespace, optionally over TLS (the server's CA, a client
 * certificate and key for mTLS) and with an API key. A combination that cannot be honoured is refused here, at
 * start-up, naming the settings to change: an API key sent without TLS, or TLS files given to the in-process
 * service, would otherwise be silently ignored or leak. The sticky schedule-to-start timeout is how long a workflow
 * task waits for the worker that has the workflow in its cache before it goes to any worker; zero turns sticky
 * execution off, so that every task replays the history on whichever worker takes it.
 */
public record TemporalSettings(Optional<String> target, String namespace, String taskQueue, Optional<Tls> tls,
                               Optional<String> apiKey, Duration stickyScheduleToStart) {

    public static final String PREFIX = "mcprospero.temporal.";
    static final String TARGET = PREFIX + "target";
    static final String NAMESPACE = PREFIX + "namespace";
    static final String TASK_QUEUE = PREFIX + "task-queue";
    static final String TLS = PREFIX + "tls";
    static final String SERVER_CA = PREFIX + "tls.server-ca";
    static final String CLIENT_CERT = PREFIX + "tls.client-cert";
    static final String CLIENT_KEY = PREFIX + "tls.client-key";
    static final String SERVER_NAME = PREFIX + "tls.server-name";
    static final String API_KEY = PREFIX + "api-key";
    static final String STICKY = PREFIX + "sticky-schedule-to-start";
    /** Temporal's own default. */
    static final Duration DEFAULT_STICKY = Duration.ofSeconds(5);

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+):([0-9]{1,5})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    /**
     * TLS to the cluster: with no server CA the JVM's trust store checks the server (Temporal Cloud); with a client
     * certificate and key the connection is mutual TLS; the server name overrides the host name the certificate must
     * carry (a target reached by address).
     */
    public record Tls(Optional<Path> serverCa, Optional<Path> clientCert, Optional<Path> clientKey, Optional<String> serverName) {

        public boolean mutual() {
            return clientCert.isPresent();
        }
    }

    /** A setting or combination of settings that cannot be honoured; the message says which and what to do. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    public boolean inProcess() {
        return target.isEmpty();
    }

    /** Reads the settings; {@code config} answers a key's value, empty when it is not set. */
    public static TemporalSettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> values = key -> config.apply(key).map(String::strip).filter(value -> !value.isEmpty());
        Optional<String> target = values.apply(TARGET);
        String namespace = values.apply(NAMESPACE).orElse("default");
        String taskQueue = values.apply(TASK_QUEUE).orElse("mcprospero-agents");
        Optional<String> apiKey = values.apply(API_KEY);
        Optional<Boolean> tlsSwitch = values.apply(TLS).map(TemporalSettings::bool);
        Optional<Path> serverCa = values.apply(SERVER_CA).map(value -> readable(SERVER_CA, value));
        Optional<Path> clientCert = values.apply(CLIENT_CERT).map(value -> readable(CLIENT_CERT, value));
        Optional<Path> clientKey = values.apply(CLIENT_KEY).map(value -> readable(CLIENT_KEY, value));
        Optional<String> serverName = values.apply(SERVER_NAME);
        Duration sticky = values.apply(STICKY).map(TemporalSettings::duration).orElse(DEFAULT_STICKY);

        if (!NAME.matcher(namespace).matches()) {
            throw new Refused(NAMESPACE + "=" + namespace + " is not a Temporal namespace name (letters, digits, '.', '_', '-')");
        }
        if (!NAME.matcher(taskQueue).matches()) {
            throw new Refused(TASK_QUEUE + "=" + taskQueue + " is not a task queue name (letters, digits, '.', '_', '-')");
        }
        List<String> clusterOnly = new ArrayList<>();
        tlsSwitch.ifPresent(on -> clusterOnly.add(TLS));
        serverCa.ifPresent(on -> clusterOnly.add(SERVER_CA));
        clientCert.ifPresent(on -> clusterOnly.add(CLIENT_CERT));
        clientKey.ifPresent(on -> clusterOnly.add(CLIENT_KEY));
        serverName.ifPresent(on -> clusterOnly.add(SERVER_NAME));
        apiKey.ifPresent(on -> clusterOnly.add(API_KEY));
        if (target.isEmpty()) {
            if (!clusterOnly.isEmpty()) {
                throw new Refused(String.join(", ", clusterOnly) + " apply to a Temporal cluster, but " + TARGET
                        + " is not set (the in-process service is used): set " + TARGET + " to the cluster's host:port or remove them");
            }
            return new TemporalSettings(Optional.empty(), namespace, taskQueue, Optional.empty(), Optional.empty(), sticky);
        }
        if (!HOST_PORT.matcher(target.get()).matches() || Integer.parseInt(target.get().replaceAll(".*:", "")) > 65535) {
            throw new Refused(TARGET + "=" + target.get() + " is not host:port (for example temporal-frontend:7233)");
        }
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw new Refused("mutual TLS needs both " + CLIENT_CERT + " and " + CLIENT_KEY + " (PEM files); only "
                    + (clientCert.isPresent() ? CLIENT_CERT : CLIENT_KEY) + " is set");
        }
        boolean tlsFiles = serverCa.isPresent() || clientCert.isPresent() || serverName.isPresent();
        if (tlsSwitch.equals(Optional.of(false)) && (tlsFiles || apiKey.isPresent())) {
            List<String> needTls = new ArrayList<>(clusterOnly);
            needTls.remove(TLS);
            throw new Refused(TLS + "=false contradicts " + String.join(", ", needTls)
                    + (apiKey.isPresent() ? " (an API key is never sent without TLS)" : "") + ": set " + TLS + "=true or remove them");
        }
        boolean useTls = tlsSwitch.orElse(tlsFiles || apiKey.isPresent());
        Optional<Tls> tls = useTls ? Optional.of(new Tls(serverCa, clientCert, clientKey, serverName)) : Optional.empty();
        return new TemporalSettings(target, namespace, taskQueue, tls, apiKey, sticky);
    }

    /** For logs and health: where, and how it is secured; never the key. */
    public String describe() {
        if (inProcess()) {
            return "in-process";
        }
        String security = tls.map(value -> value.mutual() ? "mTLS" : "TLS").orElse("plaintext") + (apiKey.isPresent() ? ", API key" : "");
        return "cluster " + target.get() + " (namespace " + namespace + ", " + security + ")";
    }

    @Override
    public String toString() {
        return "TemporalSettings[" + describe() + ", task queue " + taskQueue + "]";
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Refused(TLS + "=" + value + " is neither true nor false");
        };
    }

    private static Duration duration(String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException notADuration) {
            // refused below
        }
        throw new Refused(STICKY + "=" + value + " is not an ISO-8601 duration of zero or more (PT5S; PT0S turns sticky execution off)");
    }

    private static Path readable(String key, String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new Refused(key + "=" + value + " is not a readable file (a PEM file is expected)");
        }
        return path;
    }
}

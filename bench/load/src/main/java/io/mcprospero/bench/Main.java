package io.mcprospero.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * MCProspero against a bare Payara Micro, side by side in one run:
 * <ol>
 * <li>start-up: the product's uberjar and a hello-world uberjar built from the same Payara Micro, started
 * alternately (ABBA) {@code --reps} times each with the same JVM flags; wall time from process start until ready,
 * CPU time used until then, and RSS at ready;</li>
 * <li>load, on the last start of each: 32 closed-loop clients. On the product, {@code tools/call whoami} (each
 * client signed in through the real OAuth flow with its own MCP session) against {@code GET /version} of the same
 * server, warmed up and then measured in alternating slices; on the bare server, its {@code GET /hello};
 * RSS after the load;</li>
 * <li>a side-by-side table, the ratios and the targets.</li>
 * </ol>
 * Absolute numbers on a shared machine are noise; the ratios of things measured in the same run are the result.
 */
public final class Main {

    private static final String PRODUCT = "MCProspero";
    private static final String BARE = "bare Payara Micro";
    private static final String FLOOR = "floor";

    static final double STARTUP_TARGET = 1.25;
    static final double RSS_TARGET = 1.25;
    static final double THROUGHPUT_TARGET = 0.6;
    static final double MODERN_OVER_LEGACY_TARGET = 1.0;
    static final double TAIL_TARGET = 5.0;
    /** The standing budget (issues 13, 14): start-up and RSS at ready against bench/floor. */
    static final double FLOOR_TARGET = 1.10;

    private final Options options;
    private final PrintStream out;
    private final long t0 = System.nanoTime();

    private Main(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        Files.createDirectories(options.workDir);
        try (OutputStream file = new FileOutputStream(options.workDir.resolve("report.txt").toFile());
             PrintStream out = new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8)) {
            new Main(options, out).run();
        }
    }

    /** One start of one server. */
    record Start(String server, int rep, double readySeconds, double cpuSecondsAtReady, long rssAtReadyKib,
                 long peakAtReadyKib, Double idleCores, Long rssAfterLoadKib, Long peakAfterLoadKib) {
    }

    private void run() throws Exception {
        checkInputs();
        log("work directory " + options.workDir);
        log("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage()
                + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        Path helloJar = buildHelloUberjar();

        Map<String, Server> servers = new LinkedHashMap<>();
        servers.put(BARE, new Server(BARE, helloJar, dir -> Map.of(), "/hello", "hello, world"));
        servers.put(PRODUCT, new Server(PRODUCT, options.productJar, dir -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MCPROSPERO_DATA_DIR", dir.resolve("data").toString());
            env.put("MCPROSPERO_IDENTITY_LOCAL_ACCESS_CODE", options.accessCode);
            // 32 clients register from 127.0.0.1 within seconds: above the default registration rate
            env.put("MCPROSPERO_OAUTH_REGISTRATION_RATE", "100000");
            env.putAll(options.productEnv);
            return env;
        }, "/health/ready", options.readyMarker));
        if (options.floorJar != null) {
            // the required components alone (bench/floor): start-up and memory only, in the same data-directory layout
            servers.put(FLOOR, new Server(FLOOR, options.floorJar,
                    dir -> Map.of("MCPROSPERO_DATA_DIR", dir.resolve("data").toString()), "/health/ready", "workflow-engine"));
        }

        List<Start> starts = new ArrayList<>();
        Map<String, Map<String, Long>> nmt = new LinkedHashMap<>();
        Summary hello = null;
        Summary version = null;
        Summary whoami = null;
        Summary modern = null;
        double signInMillis = Double.NaN;
        for (int rep = 1; rep <= options.reps; rep++) {
            List<String> order = new ArrayList<>(servers.keySet());
            if (order.remove(FLOOR)) {
                order.add(1, FLOOR);
            }
            if (rep % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            boolean last = rep == options.reps;
            for (String key : order) {
                Server spec = servers.get(key);
                Path dir = options.workDir.resolve((key.equals(PRODUCT) ? "product-" : key.equals(FLOOR) ? "floor-" : "bare-") + rep);
                try (ServerProcess server = ServerProcess.start(key, spec.jar, options.jvmArgs, spec.env.apply(dir), dir)) {
                    Duration ready = server.awaitReady(spec.readyPath, spec.readyMarker, options.readyTimeout);
                    double cpu = server.cpuNanos() / 1e9;
                    long rss = server.rssKib();
                    long peak = server.peakRssKib();
                    log(String.format(Locale.ROOT, "%-17s #%d ready in %5.1f s, %5.1f CPU-s, RSS %4d MiB (peak %4d MiB), pid %d%s",
                            key, rep, ready.toNanos() / 1e9, cpu, rss / 1024, peak / 1024, server.pid(),
                            server.descendantCount() > 0 ? ", " + server.descendantCount() + " child processes" : ""));
                    if (options.nmt) {
                        nmt.put(key, NativeMemory.capture(server, dir.resolve("nmt-ready.txt")));
                    }
                    Double idle = null;
                    Long rssAfter = null;
                    Long peakAfter = null;
                    if (last && options.load && !key.equals(FLOOR)) {
                        long cpuBefore = server.cpuNanos();
                        long idleStart = System.nanoTime();
                        Thread.sleep(options.idleSeconds * 1000L);
                        idle = (server.cpuNanos() - cpuBefore) / (double) (System.nanoTime() - idleStart);
                        log(String.format(Locale.ROOT, "%-17s idle for %d s: %.3f cores busy", key, options.idleSeconds, idle));
                        if (key.equals(PRODUCT)) {
                            long signInStart = System.nanoTime();
                            List<McpClient> clients = signIn(server);
                            signInMillis = (System.nanoTime() - signInStart) / 1e6 / clients.size();
                            Summary[] all = loadProduct(server, clients);
                            version = all[0];
                            whoami = all[1];
                            modern = all[2];
                        } else {
                            hello = loadBare(server);
                        }
                        rssAfter = server.rssKib();
                        peakAfter = server.peakRssKib();
                        log(String.format(Locale.ROOT, "%-17s after the load: RSS %4d MiB (peak %4d MiB)", key, rssAfter / 1024, peakAfter / 1024));
                    }
                    starts.add(new Start(key, rep, ready.toNanos() / 1e9, cpu, rss, peak, idle, rssAfter, peakAfter));
                }
            }
        }
        report(starts, hello, version, whoami, modern, signInMillis);
        if (options.nmt) {
            reportNativeMemory(nmt);
        }
        if (!options.keep) {
            Files.deleteIfExists(helloJar);
        }
    }

    private record Server(String name, Path jar, java.util.function.Function<Path, Map<String, String>> env,
                          String readyPath, String readyMarker) {
    }

    private void checkInputs() throws IOException {
        List<Path> inputs = new ArrayList<>(List.of(options.productJar, options.payaraMicro, options.helloWar));
        if (options.floorJar != null) {
            inputs.add(options.floorJar);
        }
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new IOException("missing " + input + " (build with: mvn -o -q -f bench/pom.xml package; "
                        + "copy the product: mkdir -p /tmp/bench && cp ear/target/mcprospero.jar /tmp/bench/)");
            }
        }
    }

    /**
     * The baseline gets the product's packaging: an uberjar of the same Payara Micro with the WAR as ROOT.war at
     * the root context, --nocluster baked in, as the ear module builds mcprospero.jar.
     */
    private Path buildHelloUberjar() throws IOException, InterruptedException {
        Path staging = Files.createDirectories(options.workDir.resolve("hello-uberjar"));
        Path war = staging.resolve("ROOT.war");
        Files.copy(options.helloWar, war, StandardCopyOption.REPLACE_EXISTING);
        Path jar = options.workDir.resolve("hello-micro.jar");
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", options.payaraMicro.toAbsolutePath().toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--nocluster", "--outputuberjar", jar.toString())
                .directory(staging.toFile())
                .redirectErrorStream(true)
                .redirectOutput(staging.resolve("build.log").toFile())
                .start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.isRegularFile(jar)) {
            build.destroyForcibly();
            throw new IOException("building the hello uberjar failed; see " + staging.resolve("build.log"));
        }
        log("built " + jar + " from " + options.helloWar.getFileName() + " and " + options.payaraMicro.getFileName());
        return jar;
    }

    private List<McpClient> signIn(ServerProcess server) throws IOException, InterruptedException {
        List<McpClient> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < options.clients; i++) {
            String email = String.format(Locale.ROOT, "bench-%02d@bench.example", i + 1);
            clients.add(McpClient.signIn(server.baseUrl(), email, options.accessCode));
        }
        double perClient = (System.nanoTime() - start) / 1e6 / options.clients;
        log(String.format(Locale.ROOT, "%-17s %d clients signed in (register, authorize, sign-in, token, initialize, initialized): %.0f ms per client",
                PRODUCT, options.clients, perClient));
        String answer = clients.get(0).callTool(server.baseUrl(), "whoami");
        if (!answer.contains("\"isError\":false")) {
            throw new IOException("whoami did not succeed: " + answer);
        }
        log(String.format(Locale.ROOT, "%-17s whoami answers: %s", PRODUCT, McpClient.abbreviate(answer)));
        return clients;
    }

    private Summary[] loadProduct(ServerProcess server, List<McpClient> clients) throws InterruptedException {
        String host = "localhost:" + server.port();
        Target version = Target.get("GET /version", host, "/version", "mcprospero");
        Target whoami = Target.toolCall("tools/call whoami", host, "whoami", clients);
        Target modern = Target.modernToolCall("whoami 2026-07-28", host, "whoami", clients);
        List<Target> targets = List.of(version, whoami, modern);
        try (LoadRunner runner = new LoadRunner(server, options.clients)) {
            warmUp(runner, targets.toArray(Target[]::new));
            List<List<LoadRunner.Slice>> slices = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            double slice = options.measureSeconds / options.rounds;
            for (int round = 0; round < options.rounds; round++) {
                // forwards, then backwards: no target always runs first, or always right after the same other
                for (int k = 0; k < targets.size(); k++) {
                    int i = round % 2 == 0 ? k : targets.size() - 1 - k;
                    slices.get(i).add(measure(runner, targets.get(i), slice, round));
                }
            }
            return new Summary[] {Summary.of(version.name(), slices.get(0)), Summary.of(whoami.name(), slices.get(1)),
                    Summary.of(modern.name(), slices.get(2))};
        }
    }

    private Summary loadBare(ServerProcess server) throws InterruptedException {
        Target hello = Target.get("GET /hello", "localhost:" + server.port(), "/hello", "hello, world");
        try (LoadRunner runner = new LoadRunner(server, options.clients)) {
            warmUp(runner, hello);
            List<LoadRunner.Slice> slices = new ArrayList<>();
            double slice = options.measureSeconds / options.rounds;
            for (int round = 0; round < options.rounds; round++) {
                slices.add(measure(runner, hello, slice, round));
            }
            return Summary.of(hello.name(), slices);
        }
    }

    /**
     * Warms the targets up in alternating slices of at most 10 s until the JIT has settled: at least --warmup seconds
     * of each, then further rounds until no target's throughput rose by more than --settle over its previous slice,
     * at most --warmup-max seconds of each. A long request path (whoami: security, database, JSON-RPC) takes longer to
     * compile than a short one (GET /version), so a fixed warm-up measures the JIT's progress rather than the server.
     */
    private void warmUp(LoadRunner runner, Target... targets) throws InterruptedException {
        double slice = Math.min(10, options.warmupSeconds);
        int minRounds = (int) Math.ceil(options.warmupSeconds / slice);
        int maxRounds = Math.max(minRounds, (int) Math.floor(options.warmupMaxSeconds / slice));
        double[] previous = new double[targets.length];
        for (int round = 1; round <= maxRounds; round++) {
            boolean settled = true;
            for (int i = 0; i < targets.length; i++) {
                LoadRunner.Slice result = runner.run(targets[i], slice);
                log(String.format(Locale.ROOT, "  warm-up %d %-18s %7.0f req/s, %d errors%s", round, targets[i].name(),
                        result.throughput(), result.errors(),
                        result.errorSamples().isEmpty() ? "" : " e.g. " + result.errorSamples().get(0)));
                settled &= previous[i] > 0 && result.throughput() <= previous[i] * (1 + options.settle);
                previous[i] = result.throughput();
            }
            if (round >= minRounds && settled) {
                log(String.format(Locale.ROOT, "  warmed up after %d rounds of %.0f s", round, slice));
                return;
            }
        }
        log(String.format(Locale.ROOT, "  warm-up stopped at --warmup-max (%.0f s) before the throughput settled", options.warmupMaxSeconds));
    }

    private LoadRunner.Slice measure(LoadRunner runner, Target target, double seconds, int round) throws InterruptedException {
        LoadRunner.Slice slice = runner.run(target, seconds);
        Summary summary = Summary.of(target.name(), List.of(slice));
        log(String.format(Locale.ROOT, "  measure %d %-18s %7.0f req/s, p50 %6.2f ms, p99 %6.2f ms, %d errors, server %.2f cores, client %.2f cores%s",
                round + 1, target.name(), slice.throughput(), summary.percentileMillis(0.50), summary.percentileMillis(0.99),
                slice.errors(), summary.serverCores(), summary.clientCores(),
                slice.errorSamples().isEmpty() ? "" : " e.g. " + slice.errorSamples().get(0)));
        return slice;
    }

    private void report(List<Start> starts, Summary hello, Summary version, Summary whoami, Summary modern, double signInMillis) {
        out.println();
        out.println("== Start-up: median of " + options.reps + " starts each, alternating; JVM flags "
                + String.join(" ", options.jvmArgs) + " ==");
        out.println();
        out.println("| | " + BARE + " (hello WAR) | " + PRODUCT + " | ratio | target | |");
        out.println("|---|---:|---:|---:|---:|---|");
        double bareReady = median(starts, BARE, Start::readySeconds);
        double productReady = median(starts, PRODUCT, Start::readySeconds);
        row("time to ready (s)", bareReady, productReady, "%.1f", STARTUP_TARGET, true);
        // not the target, but the same question asked of a number that other load on the machine
        // disturbs far less than wall time
        row("CPU time to ready (s)", median(starts, BARE, Start::cpuSecondsAtReady),
                median(starts, PRODUCT, Start::cpuSecondsAtReady), "%.1f", STARTUP_TARGET, true);
        row("RSS at ready (MiB)", median(starts, BARE, s -> s.rssAtReadyKib() / 1024.0),
                median(starts, PRODUCT, s -> s.rssAtReadyKib() / 1024.0), "%.0f", RSS_TARGET, true);
        row("peak RSS at ready (MiB)", median(starts, BARE, s -> s.peakAtReadyKib() / 1024.0),
                median(starts, PRODUCT, s -> s.peakAtReadyKib() / 1024.0), "%.0f", Double.NaN, true);
        Start bareLast = lastWithLoad(starts, BARE);
        Start productLast = lastWithLoad(starts, PRODUCT);
        if (bareLast != null && productLast != null) {
            row("idle CPU after ready (cores)", bareLast.idleCores(), productLast.idleCores(), "%.3f", Double.NaN, true);
            row("RSS after the load (MiB)", bareLast.rssAfterLoadKib() / 1024.0, productLast.rssAfterLoadKib() / 1024.0,
                    "%.0f", RSS_TARGET, true);
            row("peak RSS after the load (MiB)", bareLast.peakAfterLoadKib() / 1024.0, productLast.peakAfterLoadKib() / 1024.0,
                    "%.0f", Double.NaN, true);
        }
        if (options.floorJar != null) {
            reportFloor(starts);
        }
        out.println();
        out.println("each start (s to ready / CPU-s / RSS MiB):");
        for (Start start : starts) {
            out.println(String.format(Locale.ROOT, "  #%d %-17s %5.1f / %5.1f / %4d", start.rep(), start.server(),
                    start.readySeconds(), start.cpuSecondsAtReady(), start.rssAtReadyKib() / 1024));
        }
        if (version == null || whoami == null) {
            return;
        }
        out.println();
        out.println(String.format(Locale.ROOT, "== Throughput: %d clients, closed loop, warm-up %.0f-%.0f s each until settled (%.0f%%), "
                        + "then %d alternating slices of %.1f s each ==", options.clients, options.warmupSeconds,
                options.warmupMaxSeconds, options.settle * 100, options.rounds, options.measureSeconds / options.rounds));
        out.println();
        out.println("| | req/s | p50 (ms) | p99 (ms) | errors | server CPU per request (µs) | server cores | client cores |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Summary summary : hello == null ? List.of(version, whoami, modern) : List.of(version, whoami, modern, hello)) {
            String label = summary == hello ? summary.target() + " (bare server, separate run)" : summary.target() + " (" + PRODUCT + ")";
            out.println(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d | %.0f | %.2f | %.2f |", label,
                    summary.throughput(), summary.percentileMillis(0.50), summary.percentileMillis(0.99),
                    summary.errors(), summary.serverCpuMicrosPerRequest(), summary.serverCores(), summary.clientCores()));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "sign-in through the OAuth flow plus initialize: %.0f ms per client (sequential)", signInMillis));
        for (Summary summary : List.of(version, whoami, modern)) {
            if (!summary.errorSamples().isEmpty()) {
                out.println("errors of " + summary.target() + ", e.g.: " + summary.errorSamples());
            }
        }
        out.println();
        out.println("== Ratios ==");
        out.println();
        ratio("start-up time, product / bare", productReady / bareReady, "<= " + STARTUP_TARGET, productReady / bareReady <= STARTUP_TARGET);
        double cpuRatio = median(starts, PRODUCT, Start::cpuSecondsAtReady) / median(starts, BARE, Start::cpuSecondsAtReady);
        ratio("start-up CPU time, product / bare (less noisy)", cpuRatio, "<= " + STARTUP_TARGET, cpuRatio <= STARTUP_TARGET);
        double rssRatio = median(starts, PRODUCT, s -> (double) s.rssAtReadyKib()) / median(starts, BARE, s -> (double) s.rssAtReadyKib());
        ratio("RSS at ready, product / bare", rssRatio, "<= " + RSS_TARGET, rssRatio <= RSS_TARGET);
        if (bareLast != null && productLast != null) {
            double after = productLast.rssAfterLoadKib() / (double) bareLast.rssAfterLoadKib();
            ratio("RSS after the load, product / bare", after, "<= " + RSS_TARGET, after <= RSS_TARGET);
        }
        double throughput = whoami.throughput() / version.throughput();
        ratio("whoami / GET /version throughput", throughput, ">= " + THROUGHPUT_TARGET, throughput >= THROUGHPUT_TARGET);
        ratio("whoami / GET /version p50 latency", whoami.percentileMillis(0.5) / version.percentileMillis(0.5), "", null);
        ratio("whoami / GET /version p99 latency", whoami.percentileMillis(0.99) / version.percentileMillis(0.99), "", null);
        ratio("whoami / GET /version server CPU per request", whoami.serverCpuMicrosPerRequest() / version.serverCpuMicrosPerRequest(), "", null);
        // issue 13: the stateless revision against the legacy session path and the public endpoint of the same server
        double modernOverLegacy = modern.throughput() / whoami.throughput();
        ratio("whoami 2026-07-28 / whoami legacy session throughput", modernOverLegacy, ">= " + MODERN_OVER_LEGACY_TARGET,
                modernOverLegacy >= MODERN_OVER_LEGACY_TARGET);
        double modernOverVersion = modern.throughput() / version.throughput();
        ratio("whoami 2026-07-28 / GET /version throughput", modernOverVersion, ">= " + THROUGHPUT_TARGET,
                modernOverVersion >= THROUGHPUT_TARGET);
        double modernTail = modern.percentileMillis(0.99) / modern.percentileMillis(0.5);
        ratio("whoami 2026-07-28 p99 / p50", modernTail, "<= " + TAIL_TARGET, modernTail <= TAIL_TARGET);
        ratio("whoami 2026-07-28 / legacy server CPU per request", modern.serverCpuMicrosPerRequest() / whoami.serverCpuMicrosPerRequest(), "", null);
        if (hello != null) {
            ratio("GET /version (product) / GET /hello (bare) throughput", version.throughput() / hello.throughput(), "", null);
        }
        out.println();
        log("done; report in " + options.workDir.resolve("report.txt") + ", server logs in " + options.workDir);
    }

    private void reportNativeMemory(Map<String, Map<String, Long>> nmt) {
        Map<String, Long> bare = nmt.getOrDefault(BARE, Map.of());
        Map<String, Long> product = nmt.getOrDefault(PRODUCT, Map.of());
        out.println("== Native memory at ready, last start (NMT summary, committed MiB; RSS is what of it is resident) ==");
        out.println();
        out.println("| category | " + BARE + " | " + PRODUCT + " | difference |");
        out.println("|---|---:|---:|---:|");
        java.util.Set<String> categories = new java.util.LinkedHashSet<>(product.keySet());
        categories.addAll(bare.keySet());
        for (String category : categories) {
            long b = bare.getOrDefault(category, 0L);
            long p = product.getOrDefault(category, 0L);
            if (b < 1024 && p < 1024 && !category.equals("Total")) {
                continue;
            }
            out.println(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %+.0f |", category, b / 1024.0, p / 1024.0, (p - b) / 1024.0));
        }
        out.println();
    }

    /**
     * How much of the product's start-up and memory the components the issue requires at ready cost by themselves
     * (bench/floor: data source on H2, JPA, Flyway, the in-process Temporal service, readiness checks).
     */
    private void reportFloor(List<Start> starts) {
        out.println();
        out.println("Floor (bench/floor: the components required at ready, without the product):");
        out.println();
        out.println("| | " + BARE + " | " + FLOOR + " | " + PRODUCT + " | floor / bare | " + PRODUCT + " / floor (<= " + FLOOR_TARGET + ") |");
        out.println("|---|---:|---:|---:|---:|---:|");
        List<java.util.Map.Entry<String, java.util.function.ToDoubleFunction<Start>>> measures = List.of(
                Map.entry("time to ready (s)", Start::readySeconds),
                Map.entry("CPU time to ready (s)", Start::cpuSecondsAtReady),
                Map.entry("RSS at ready (MiB)", s -> s.rssAtReadyKib() / 1024.0));
        for (var measure : measures) {
            double bare = median(starts, BARE, measure.getValue());
            double floor = median(starts, FLOOR, measure.getValue());
            double product = median(starts, PRODUCT, measure.getValue());
            out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f | %.2f %s |", measure.getKey(), bare, floor,
                    product, floor / bare, product / floor, product / floor <= FLOOR_TARGET ? "PASS" : "MISS"));
        }
    }

    private void row(String label, Double bare, Double product, String format, double target, boolean lowerIsBetter) {
        if (bare == null || product == null) {
            return;
        }
        double ratio = product / bare;
        String verdict = Double.isNaN(target) ? "" : (lowerIsBetter ? ratio <= target : ratio >= target) ? "PASS" : "MISS";
        out.println(String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f | %s | %s |", label, bare, product, ratio,
                Double.isNaN(target) ? "" : (lowerIsBetter ? "<= " : ">= ") + target, verdict));
    }

    private void ratio(String label, double value, String target, Boolean pass) {
        out.println(String.format(Locale.ROOT, "  %-55s %6.2f  %-7s %s", label, value, target,
                pass == null ? "" : pass ? "PASS" : "MISS"));
    }

    private static Start lastWithLoad(List<Start> starts, String server) {
        for (int i = starts.size() - 1; i >= 0; i--) {
            Start start = starts.get(i);
            if (start.server().equals(server) && start.rssAfterLoadKib() != null) {
                return start;
            }
        }
        return null;
    }

    private static double median(List<Start> starts, String server, java.util.function.ToDoubleFunction<Start> value) {
        double[] values = starts.stream().filter(s -> s.server().equals(server)).mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private void log(String message) {
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", (System.nanoTime() - t0) / 1e9, message));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes to the console and to the report file. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    /** Command-line options; defaults come from bench.properties, which the build fills in. */
    static final class Options {

        static final String USAGE = """
                usage: java -jar bench/load/target/mcprospero-bench.jar [options]
                  --product-jar=PATH      the product's uberjar (default /tmp/bench/mcprospero.jar)
                  --payara-micro=PATH     Payara Micro to build the bare baseline with (default: the one staged by the build)
                  --hello-war=PATH        the baseline WAR (default bench/hello/target/hello.war)
                  --work-dir=PATH         where servers run and logs go (default /tmp/bench/runs/<timestamp>)
                  --jvm-args="..."        JVM flags of both servers (default -Xmx512m)
                  --reps=N                starts of each server, alternating (default 3)
                  --clients=N             concurrent load clients (default 32)
                  --warmup=SECONDS        least warm-up per target before measuring (default 20); targets alternate in
                                          slices of up to 10 s, and warm-up goes on while a slice is faster than the
                                          target's previous one by more than --settle
                  --settle=FRACTION       (default 0.05)
                  --warmup-max=SECONDS    most warm-up per target (default 120)
                  --measure=SECONDS       measured time per target (default 30)
                  --rounds=N              measured slices per target, alternating targets (default 3)
                  --idle=SECONDS          idle time after ready in which server CPU is measured (default 5)
                  --ready-timeout=SECONDS (default 300)
                  --access-code=CODE      local sign-in access code given to the product (default bench-code)
                  --ready-marker=TEXT     text /health/ready must contain (default workflow-engine)
                  --product-env=NAME=VALUE  more environment for the product, repeatable (e.g. MCPROSPERO_DB_URL=...)
                  --floor-jar=PATH        also start this floor uberjar (bench/floor/target/floor.jar) in the alternation,
                                          start-up and RSS only, and print what the required components cost alone
                  --no-load               start-up and RSS only
                  --nmt                   also where the memory goes: both servers get -XX:NativeMemoryTracking=summary
                                          (costs a little start-up and memory), and jcmd VM.native_memory at ready
                  --keep                  keep the hello uberjar of the run
                  --quick                 --reps=1 --warmup=5 --warmup-max=5 --measure=10 --rounds=2 --idle=2
                """;

        private static final java.util.Set<String> VALUED = java.util.Set.of("--product-jar", "--payara-micro", "--hello-war",
                "--work-dir", "--jvm-args", "--reps", "--clients", "--warmup", "--warmup-max", "--settle", "--measure", "--rounds", "--idle",
                "--ready-timeout", "--access-code", "--ready-marker", "--product-env", "--floor-jar");

        Path productJar = Path.of("/tmp/bench/mcprospero.jar");
        Path floorJar;
        Path payaraMicro;
        Path helloWar;
        Path workDir = Path.of("/tmp/bench/runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> jvmArgs = List.of("-Xmx512m");
        int reps = 3;
        int clients = 32;
        double warmupSeconds = 20;
        double warmupMaxSeconds = 120;
        double settle = 0.05;
        double measureSeconds = 30;
        int rounds = 3;
        int idleSeconds = 5;
        Duration readyTimeout = Duration.ofSeconds(300);
        String accessCode = "bench-code";
        String readyMarker = "workflow-engine";
        Map<String, String> productEnv = new LinkedHashMap<>();
        boolean load = true;
        boolean nmt;
        boolean keep;
        boolean help;

        static Options parse(String[] args) throws IOException {
            Options options = new Options();
            Properties defaults = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/bench.properties")) {
                if (in != null) {
                    defaults.load(in);
                }
            }
            options.payaraMicro = Path.of(defaults.getProperty("payara-micro", "payara-micro.jar")).normalize();
            options.helloWar = Path.of(defaults.getProperty("hello-war", "hello.war")).normalize();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> options.help = true;
                    case "--no-load" -> options.load = false;
                    case "--keep" -> options.keep = true;
                    case "--nmt" -> options.nmt = true;
                    case "--quick" -> {
                        options.reps = 1;
                        options.warmupSeconds = 5;
                        options.warmupMaxSeconds = 5;
                        options.measureSeconds = 10;
                        options.rounds = 2;
                        options.idleSeconds = 2;
                    }
                    default -> {
                        if (!VALUED.contains(name)) {
                            throw new IllegalArgumentException("unknown option " + name);
                        }
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException("missing value of " + name);
                            }
                            value = args[++i];
                        }
                        options.set(name, value);
                    }
                }
            }
            if (options.nmt) {
                List<String> flags = new ArrayList<>(options.jvmArgs);
                flags.add("-XX:NativeMemoryTracking=summary");
                options.jvmArgs = flags;
            }
            if (options.reps < 1 || options.clients < 1 || options.rounds < 1 || options.measureSeconds <= 0
                    || options.warmupSeconds <= 0 || options.settle < 0) {
                throw new IllegalArgumentException("--reps, --clients, --rounds, --measure and --warmup must be positive, --settle not negative");
            }
            return options;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--product-jar" -> productJar = Path.of(value).toAbsolutePath().normalize();
                case "--floor-jar" -> floorJar = Path.of(value).toAbsolutePath().normalize();
                case "--payara-micro" -> payaraMicro = Path.of(value);
                case "--hello-war" -> helloWar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--jvm-args" -> jvmArgs = value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
                case "--reps" -> reps = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--warmup" -> warmupSeconds = Double.parseDouble(value);
                case "--warmup-max" -> warmupMaxSeconds = Double.parseDouble(value);
                case "--settle" -> settle = Double.parseDouble(value);
                case "--measure" -> measureSeconds = Double.parseDouble(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--idle" -> idleSeconds = Integer.parseInt(value);
                case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(Long.parseLong(value));
                case "--access-code" -> accessCode = value;
                case "--ready-marker" -> readyMarker = value.isEmpty() ? null : value;
                case "--product-env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--product-env needs NAME=VALUE");
                    }
                    productEnv.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }
}

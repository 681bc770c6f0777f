package io.mcprospero.bench.agents;

import io.mcprospero.runs.AgentEngine;
import io.mcprospero.runs.AgentSteps;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runs.RunStart;
import io.mcprospero.runs.RunSummary;
import io.mcprospero.runs.ScheduleSpec;
import io.mcprospero.runs.Thought;
import io.mcprospero.temporal.TemporalRuntime;
import io.mcprospero.temporal.TemporalSettings;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agents' schedules on the in-process Temporal service, as the product runs them (TemporalRuntime, its
 * schedule and run workflows and activities), with steps that do no I/O, so that what is measured is the engine's
 * path from a schedule's timer to the run's first model call:
 * <ol>
 * <li>fire → first model call: a few agents on one-second intervals; the delay from each fire's time (in its run id,
 * agent@fireMillis) to the run's first think step, p50 and p99 after a warm-up;</li>
 * <li>1,000 agents due in the same minute (cron {@code * * * * *}, scheduled just after a minute began): how long
 * after that minute's fire each run began and made its first model call, and whether any fire ran twice.</li>
 * </ol>
 * Prints one table, each number beside its target. Payloads pass a no-op codec (the product's AES-GCM codec adds its
 * cost to each payload). Run it with bench/agents/run.sh; it is not a test.
 */
public final class ScheduleFireBenchmark {

    /** Steps that record when each run began and first "called the model", and count repeats. */
    static final class TimedSteps implements AgentSteps {
        final Map<String, Long> begun = new ConcurrentHashMap<>();
        final Map<String, Long> firstThought = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> begins = new ConcurrentHashMap<>();

        @Override
        public RunStart begin(RunRequest request) {
            begun.putIfAbsent(request.runId(), System.currentTimeMillis());
            begins.computeIfAbsent(request.runId(), id -> new AtomicInteger()).incrementAndGet();
            return new RunStart(true, null, 3);
        }

        @Override
        public Thought think(String runId, int turn) {
            firstThought.putIfAbsent(runId, System.currentTimeMillis());
            return new Thought(true, List.of());
        }

        @Override
        public void act(String runId, int turn, String callId) {
        }

        @Override
        public RunSummary finish(String runId, String status, String reason) {
            return new RunSummary(runId, status, reason);
        }
    }

    private static final PayloadCodec PASS_THROUGH = new PayloadCodec() {
        @Override
        public List<Payload> encode(List<Payload> payloads) {
            return payloads;
        }

        @Override
        public List<Payload> decode(List<Payload> payloads) {
            return payloads;
        }
    };

    private ScheduleFireBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agents = Integer.getInteger("agents", 1000);
        Duration latencyRun = Duration.ofSeconds(Long.getLong("latency-seconds", 40));
        TimedSteps steps = new TimedSteps();
        TemporalRuntime runtime = new TemporalRuntime(TemporalSettings.from(key -> Optional.empty()), PASS_THROUGH);
        runtime.serve(steps);
        runtime.start();
        try {
            AgentEngine engine = runtime.agents();
            List<Long> latencies = fireToFirstThought(engine, steps, latencyRun);
            SameMinute minute = sameMinute(engine, steps, agents);
            print(latencies, minute, agents);
        } finally {
            runtime.stop();
        }
    }

    private static long fireOf(String runId) {
        return Long.parseLong(runId.substring(runId.indexOf('@') + 1));
    }

    /** Four agents every second; samples after the first ten seconds (the JIT's warm-up) count. */
    private static List<Long> fireToFirstThought(AgentEngine engine, TimedSteps steps, Duration length) throws InterruptedException {
        List<String> ids = List.of("latency-1", "latency-2", "latency-3", "latency-4");
        long countFrom = System.currentTimeMillis() + 10_000;
        ids.forEach(id -> engine.schedule(id, new ScheduleSpec(null, "PT1S", "UTC")));
        Thread.sleep(length.toMillis());
        ids.forEach(engine::unschedule);
        Thread.sleep(2_000);
        List<Long> latencies = new ArrayList<>();
        steps.firstThought.forEach((runId, at) -> {
            if (runId.startsWith("latency-") && fireOf(runId) >= countFrom) {
                latencies.add(at - fireOf(runId));
            }
        });
        Collections.sort(latencies);
        return latencies;
    }

    record SameMinute(long fire, int ran, int ranTwice, long lastBeganAfterMs, long p50FirstThoughtMs, long lastFirstThoughtMs,
                      Duration scheduling) {
    }

    private static SameMinute sameMinute(AgentEngine engine, TimedSteps steps, int agents) throws InterruptedException {
        Instant now = Instant.now();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        // schedule just after a minute began, so that every agent's next fire is the next minute's start
        Instant startAt = now.getEpochSecond() % 60 < 2 ? minute.plusSeconds(2) : minute.plusSeconds(62);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), startAt).toMillis()));
        long scheduling = System.nanoTime();
        for (int i = 0; i < agents; i++) {
            engine.schedule("minute-" + i, new ScheduleSpec("* * * * *", null, "Europe/Berlin"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - scheduling);
        long fire = startAt.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).toEpochMilli();
        if (System.currentTimeMillis() >= fire) {
            throw new IllegalStateException("scheduling " + agents + " agents took " + took + ", past the minute they were due in");
        }
        Thread.sleep(fire + 60_000 - System.currentTimeMillis() + 5_000);
        for (int i = 0; i < agents; i++) {
            engine.unschedule("minute-" + i);
        }
        List<Long> began = new ArrayList<>();
        List<Long> thought = new ArrayList<>();
        int twice = 0;
        for (int i = 0; i < agents; i++) {
            String runId = "minute-" + i + "@" + fire;
            Long at = steps.begun.get(runId);
            if (at != null) {
                began.add(at - fire);
            }
            Long first = steps.firstThought.get(runId);
            if (first != null) {
                thought.add(first - fire);
            }
            String agent = "minute-" + i + "@";
            long runsThisMinute = steps.begins.keySet().stream()
                    .filter(id -> id.startsWith(agent) && fireOf(id) >= fire && fireOf(id) < fire + 60_000).count();
            if (runsThisMinute > 1) {
                twice++;
            }
        }
        Collections.sort(began);
        Collections.sort(thought);
        return new SameMinute(fire, began.size(), twice, began.isEmpty() ? -1 : began.get(began.size() - 1),
                percentile(thought, 50), thought.isEmpty() ? -1 : thought.get(thought.size() - 1), took);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void print(List<Long> latencies, SameMinute minute, int agents) {
        System.out.println();
        System.out.println("Agents' schedules, in-process Temporal service (" + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.printf(Locale.ROOT, "| %-66s | %12s | %12s |%n", "measure", "measured", "target");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%n", "-".repeat(68), "-".repeat(14), "-".repeat(14));
        row("schedule fire -> first model call, p50 (" + latencies.size() + " fires)", percentile(latencies, 50) + " ms", "<= 250 ms");
        row("schedule fire -> first model call, p99", percentile(latencies, 99) + " ms", "");
        row(agents + " agents due in one minute: scheduling them took", minute.scheduling().toMillis() + " ms", "< 58 s");
        row(agents + " agents due in one minute: runs begun", String.valueOf(minute.ran()), String.valueOf(agents));
        row(agents + " agents due in one minute: last run began after", minute.lastBeganAfterMs() + " ms", "<= 60000 ms");
        row(agents + " agents due in one minute: first model call, p50", minute.p50FirstThoughtMs() + " ms", "");
        row(agents + " agents due in one minute: last first model call", minute.lastFirstThoughtMs() + " ms", "");
        row(agents + " agents due in one minute: agents run twice in the minute", String.valueOf(minute.ranTwice()), "0");
        System.out.println();
    }

    private static void row(String measure, String measured, String target) {
        System.out.printf(Locale.ROOT, "| %-66s | %12s | %12s |%n", measure, measured, target);
    }
}

package io.mcprospero.mcp.modern;

import io.mcprospero.mcp.EventStream;
import io.mcprospero.mcp.JsonRpc;
import io.mcprospero.mcp.ToolListChanges;
import io.mcprospero.support.Jsons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The subscriptions/listen streams this instance holds, by person, and what feeds them: while any is open, the
 * database's tool-list signals are read every second ({@link ToolListChanges}) and each person concerned gets
 * notifications/tools/list_changed on every stream that asked for it. Streams the client closed drop out at the next
 * write; when the application stops, each gets the graceful end (a completion result) before it closes.
 */
@ApplicationScoped
public class ListenStreams {

    private static final Logger LOG = Logger.getLogger(ListenStreams.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);
    /** Signals are read again this far back, so that one committed late by a slower transaction is not missed. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private ToolListChanges changes;
    private ManagedScheduledExecutorService scheduler;
    private Clock clock;
    private final Map<Listener, String> users = new ConcurrentHashMap<>();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private ScheduledFuture<?> polling;
    private Instant watermark;
    private Instant lastPurge = Instant.EPOCH;

    protected ListenStreams() {
        // for the CDI proxy
    }

    @Inject
    public ListenStreams(ToolListChanges changes, ManagedScheduledExecutorService scheduler, Clock clock) {
        this.changes = changes;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Keeps this stream, opened by the listen request {@code subscriptionId}, for the person's tool-list changes. */
    public synchronized void add(String userId, JsonValue subscriptionId, EventStream stream) {
        users.put(new Listener(subscriptionId, stream), userId);
        if (polling == null) {
            watermark = clock.instant();
            polling = scheduler.scheduleWithFixedDelay(this::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Open streams, for tests and health. */
    public int size() {
        return users.size();
    }

    void poll() {
        try {
            users.keySet().removeIf(listener -> !listener.stream().isOpen());
            Instant now = clock.instant();
            for (ToolListChanges.Change change : changes.since(watermark.minus(OVERLAP))) {
                if (seen.putIfAbsent(change.id(), change.at()) == null) {
                    notifyConcerned(change);
                }
                if (change.at().isAfter(watermark)) {
                    watermark = change.at();
                }
            }
            seen.values().removeIf(at -> at.isBefore(watermark.minus(OVERLAP.multipliedBy(2))));
            if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) > 0) {
                lastPurge = now;
                changes.purge();
            }
        } catch (RuntimeException e) {
            // the next poll tries again; a listener misses nothing it has not been sent yet
            LOG.log(Level.WARNING, "could not read tool list changes: {0}", e.getMessage());
        }
    }

    private void notifyConcerned(ToolListChanges.Change change) {
        users.forEach((listener, userId) -> {
            if (change.concerns(userId) && !listener.stream().send(JsonRpc.notification("notifications/tools/list_changed",
                    Jsons.object().add("_meta", Jsons.object().add(RequestMeta.SUBSCRIPTION_ID, listener.subscriptionId())).build()))) {
                users.remove(listener);
            }
        });
    }

    @PreDestroy
    synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
        }
        users.keySet().forEach(listener -> {
            JsonObject ended = Jsons.object().add("resultType", "complete")
                    .add("_meta", Jsons.object().add(RequestMeta.SUBSCRIPTION_ID, listener.subscriptionId())).build();
            listener.stream().send(JsonRpc.result(listener.subscriptionId(), ended));
            listener.stream().close();
        });
        users.clear();
    }

    /** One stream, and the id of the listen request that opened it (every message on it carries that id). */
    private record Listener(JsonValue subscriptionId, EventStream stream) {
    }
}

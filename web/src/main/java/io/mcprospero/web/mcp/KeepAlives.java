package io.mcprospero.web.mcp;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every open response stream alive with a comment every two seconds: proxies and clients do not close a quiet
 * subscriptions/listen stream, and a client that has gone is found within that time (a write to it fails), which
 * cancels its request. One task for all streams, running only while there are any.
 */
@ApplicationScoped
public class KeepAlives {

    static final Duration EVERY = Duration.ofSeconds(2);

    private ManagedScheduledExecutorService scheduler;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> task;

    protected KeepAlives() {
        // for the CDI proxy
    }

    @Inject
    public KeepAlives(ManagedScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    synchronized void watch(SseStream stream) {
        streams.add(stream);
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void beat() {
        streams.removeIf(stream -> !stream.keepAlive());
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
        streams.forEach(SseStream::close);
    }
}

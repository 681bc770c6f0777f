package io.mcprospero.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts per client address in fixed windows, in memory on this instance: behind N instances an address gets up
 * to N times a limit, which still bounds a flood; a shared counter would cost a database write per attempt.
 */
public final class AddressWindows {

    /** More addresses than this and the map is swept; it never holds more than a window's addresses. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Duration length;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public AddressWindows(Duration length) {
        this.length = length;
    }

    /** Counts one more for {@code address} and returns its window; a window that has ended starts again at one. */
    public Window count(String address, Instant now) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> window.endsBefore(now));
        }
        return windows.compute(key(address),
                (key, current) -> current == null || current.endsBefore(now) ? new Window(now.plus(length), 1) : current.next());
    }

    /** The count of {@code address} in its current window, without counting; zero when it has none. */
    public Window peek(String address, Instant now) {
        Window window = windows.get(key(address));
        return window == null || window.endsBefore(now) ? new Window(now.plus(length), 0) : window;
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }

    /** A window's end and its count so far. */
    public record Window(Instant end, int count) {

        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }

        Window next() {
            return new Window(end, count + 1);
        }

        /** Whole seconds until the window ends, at least one: the value of a Retry-After header. */
        public long secondsLeft(Instant now) {
            return Math.max(1, Duration.between(now, end).toSeconds());
        }
    }
}

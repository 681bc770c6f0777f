package io.mcprospero.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registrations per client address and minute (a fixed window), so that one address cannot flood the
 * client table. Counted in memory on each instance: behind N instances an address gets up to N times the
 * rate, which still bounds a flood; a shared counter would cost a database write per attempt.
 */
@ApplicationScoped
public class RegistrationRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** More addresses than this in one window and the map is swept; it never holds more than a window's addresses. */
    private static final int SWEEP_ABOVE = 10_000;

    private int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    protected RegistrationRateLimit() {
        // for the CDI proxy
    }

    @Inject
    public RegistrationRateLimit(@ConfigProperty(name = "mcprospero.oauth.registration-rate") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt from this address; throws a 429 OAuthError with the seconds to wait when over the rate. */
    public void admit(String address, Instant now) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> window.endsBefore(now));
        }
        Window window = windows.compute(address == null ? "unknown" : address,
                (key, current) -> current == null || current.endsBefore(now) ? new Window(now.plus(WINDOW), 1) : current.next());
        if (window.count() > perMinute) {
            long retryAfter = Math.max(1, Duration.between(now, window.end()).toSeconds());
            throw OAuthError.tooManyRequests("more than " + perMinute + " registrations a minute from this address; try again in "
                    + retryAfter + " s", retryAfter);
        }
    }

    private record Window(Instant end, int count) {

        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }

        Window next() {
            return new Window(end, count + 1);
        }
    }
}

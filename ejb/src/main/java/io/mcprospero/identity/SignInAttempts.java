package io.mcprospero.identity;

import io.mcprospero.support.AddressWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wrong access codes at local sign-in, per client address and quarter of an hour: once an address has entered
 * {@code mcprospero.identity.local.failed-attempts} wrong codes, it may not try again until its window ends, so a
 * short configured code cannot be guessed by trying. A generated code (72 random bits) needs no such help. Counted
 * in memory on each instance ({@link AddressWindows}); local sign-in is the laptop's identity mode.
 */
@ApplicationScoped
public class SignInAttempts {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private int allowedFailures;
    private final AddressWindows failures = new AddressWindows(WINDOW);

    protected SignInAttempts() {
        // for the CDI proxy
    }

    @Inject
    public SignInAttempts(@ConfigProperty(name = "mcprospero.identity.local.failed-attempts") int allowedFailures) {
        if (allowedFailures < 1) {
            throw new IllegalStateException("mcprospero.identity.local.failed-attempts must be at least 1; got " + allowedFailures);
        }
        this.allowedFailures = allowedFailures;
    }

    /** The seconds this address must wait before it may try a code again, or empty if it may try now. */
    public OptionalLong waitBeforeTrying(String address, Instant now) {
        AddressWindows.Window window = failures.peek(address, now);
        return window.count() >= allowedFailures ? OptionalLong.of(window.secondsLeft(now)) : OptionalLong.empty();
    }

    /** Counts a wrong code from this address. */
    public void failed(String address, Instant now) {
        failures.count(address, now);
    }

    public int allowedFailures() {
        return allowedFailures;
    }
}

package io.mcprospero.support;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** A limit of so many attempts per key (a client address, a host) and minute, in fixed windows ({@link AddressWindows}). */
public final class AddressRate {

    private final int perMinute;
    private final AddressWindows windows = new AddressWindows(Duration.ofMinutes(1));

    public AddressRate(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt; empty when it is within the rate, else the seconds until the window ends (for Retry-After). */
    public OptionalLong admit(String key, Instant now) {
        AddressWindows.Window window = windows.count(key, now);
        return window.count() > perMinute ? OptionalLong.of(window.secondsLeft(now)) : OptionalLong.empty();
    }

    public int perMinute() {
        return perMinute;
    }
}

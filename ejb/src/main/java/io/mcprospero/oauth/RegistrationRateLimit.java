package io.mcprospero.oauth;

import io.mcprospero.support.AddressWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registrations per client address and minute (a fixed window), so that one address cannot flood the
 * client table. Counted in memory on each instance ({@link AddressWindows}).
 */
@ApplicationScoped
public class RegistrationRateLimit {

    private int perMinute;
    private final AddressWindows windows = new AddressWindows(Duration.ofMinutes(1));

    protected RegistrationRateLimit() {
        // for the CDI proxy
    }

    @Inject
    public RegistrationRateLimit(@ConfigProperty(name = "mcprospero.oauth.registration-rate") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt from this address; throws a 429 OAuthError with the seconds to wait when over the rate. */
    public void admit(String address, Instant now) {
        AddressWindows.Window window = windows.count(address, now);
        if (window.count() > perMinute) {
            long retryAfter = window.secondsLeft(now);
            throw OAuthError.tooManyRequests("more than " + perMinute + " registrations a minute from this address; try again in "
                    + retryAfter + " s", retryAfter);
        }
    }
}

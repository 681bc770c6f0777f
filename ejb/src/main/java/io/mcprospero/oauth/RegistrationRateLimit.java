package io.mcprospero.oauth;

import io.mcprospero.support.AddressRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registrations per client address and minute (a fixed window), so that one address cannot flood the
 * client table. Counted in memory on each instance ({@link AddressRate}).
 */
@ApplicationScoped
public class RegistrationRateLimit {

    private AddressRate rate;

    protected RegistrationRateLimit() {
        // for the CDI proxy
    }

    @Inject
    public RegistrationRateLimit(@ConfigProperty(name = "mcprospero.oauth.registration-rate") int perMinute) {
        this.rate = new AddressRate(perMinute);
    }

    /** Counts an attempt from this address; throws a 429 OAuthError with the seconds to wait when over the rate. */
    public void admit(String address, Instant now) {
        OptionalLong retryAfter = rate.admit(address, now);
        if (retryAfter.isPresent()) {
            throw OAuthError.tooManyRequests("more than " + rate.perMinute() + " registrations a minute from this address; try again in "
                    + retryAfter.getAsLong() + " s", retryAfter.getAsLong());
        }
    }
}

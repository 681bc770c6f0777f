package io.mcprospero.oauth;

import io.mcprospero.support.AddressRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authorization requests per client address and minute, in both identity modes: each one stores a row and may fetch a
 * metadata document or send the browser upstream, so one address must not be able to make them without bound.
 */
@ApplicationScoped
public class AuthorizeRateLimit {

    private AddressRate rate;

    protected AuthorizeRateLimit() {
        // for the CDI proxy
    }

    @Inject
    public AuthorizeRateLimit(@ConfigProperty(name = "mcprospero.oauth.authorize-rate") int perMinute) {
        this.rate = new AddressRate(perMinute);
    }

    /** Counts a request from this address; throws TooManyRequests when over the rate. */
    public void admit(String address, Instant now) {
        OptionalLong retryAfter = rate.admit(address, now);
        if (retryAfter.isPresent()) {
            throw new TooManyRequests("More than " + rate.perMinute() + " sign-in requests a minute came from your address. Try again in "
                    + retryAfter.getAsLong() + " s.", retryAfter.getAsLong());
        }
    }
}

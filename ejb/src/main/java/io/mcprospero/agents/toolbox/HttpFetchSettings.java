package io.mcprospero.agents.toolbox;

import io.mcprospero.net.FetchLimits;
import io.mcprospero.net.FetchRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How http_fetch fetches: the most it reads and waits, and its routes. A pin ({@code mcprospero.tools.http_fetch.resolve},
 * like curl --resolve) sends a host name to an address the operator chose and skips the public-address check for it:
 * that is how tests put a loopback stand-in behind an allowed name, and in production it opens that address to every
 * agent allowed that host, so leave it unset unless that is meant. There is no switch that lets agents reach private
 * addresses in general.
 */
@ApplicationScoped
public class HttpFetchSettings {

    static final String ACCEPT = "text/html, text/plain, application/json, application/xml;q=0.9, text/*;q=0.8";

    private FetchLimits limits;
    private FetchRoutes routes;

    protected HttpFetchSettings() {
        // for the CDI proxy
    }

    @Inject
    public HttpFetchSettings(@ConfigProperty(name = "mcprospero.tools.http_fetch.max-bytes") int maxBytes,
                             @ConfigProperty(name = "mcprospero.tools.http_fetch.timeout") Duration timeout,
                             @ConfigProperty(name = "mcprospero.tools.http_fetch.resolve") Optional<String> resolve,
                             @ConfigProperty(name = "mcprospero.tools.http_fetch.trust-store") Optional<String> trustStore,
                             @ConfigProperty(name = "mcprospero.tools.http_fetch.trust-store-password") Optional<String> trustStorePassword) {
        this.limits = new FetchLimits(maxBytes, timeout, ACCEPT);
        this.routes = FetchRoutes.of("mcprospero.tools.http_fetch.resolve", resolve, "mcprospero.tools.http_fetch.trust-store",
                trustStore, trustStorePassword, false);
    }

    public FetchLimits limits() {
        return limits;
    }

    public FetchRoutes routes() {
        return routes;
    }
}

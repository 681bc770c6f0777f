package io.mcprospero.oauth;

import io.mcprospero.net.FetchRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How Client ID Metadata Documents are fetched: whether at all, how long they are cached, and their
 * {@link FetchRoutes} (pins like curl --resolve and an extra trust store, which is how tests put a stand-in
 * behind a public name).
 */
@ApplicationScoped
public class MetadataDocumentSettings {

    private boolean enabled;
    private Duration cacheMax;
    private FetchRoutes routes;

    protected MetadataDocumentSettings() {
        // for the CDI proxy
    }

    @Inject
    public MetadataDocumentSettings(@ConfigProperty(name = "mcprospero.oauth.cimd.enabled") boolean enabled,
                                    @ConfigProperty(name = "mcprospero.oauth.cimd.allow-private-addresses") boolean allowPrivateAddresses,
                                    @ConfigProperty(name = "mcprospero.oauth.cimd.cache-max") Duration cacheMax,
                                    @ConfigProperty(name = "mcprospero.oauth.cimd.resolve") Optional<String> resolve,
                                    @ConfigProperty(name = "mcprospero.oauth.cimd.trust-store") Optional<String> trustStore,
                                    @ConfigProperty(name = "mcprospero.oauth.cimd.trust-store-password") Optional<String> trustStorePassword) {
        this.enabled = enabled;
        this.cacheMax = cacheMax;
        this.routes = FetchRoutes.of("mcprospero.oauth.cimd.resolve", resolve, "mcprospero.oauth.cimd.trust-store", trustStore,
                trustStorePassword, allowPrivateAddresses);
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration cacheMax() {
        return cacheMax;
    }

    /** Where fetches of documents may connect: the operator's pins and trust store, the public-address check. */
    public FetchRoutes routes() {
        return routes;
    }
}

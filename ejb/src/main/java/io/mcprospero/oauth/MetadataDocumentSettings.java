package io.mcprospero.oauth;

import io.mcprospero.support.ConfigLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How Client ID Metadata Documents are fetched. The operator can pin a host to an address (like curl
 * --resolve) and trust an extra certificate store, which is how tests put a stand-in behind a public
 * name; pinned targets are the operator's choice and skip the public-address check, nothing else.
 */
@ApplicationScoped
public class MetadataDocumentSettings {

    private boolean enabled;
    private boolean allowPrivateAddresses;
    private Duration cacheMax;
    private Map<String, InetSocketAddress> pinned;
    private SSLContext tls;

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
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.cacheMax = cacheMax;
        this.pinned = pins(resolve);
        this.tls = tls(trustStore, trustStorePassword.orElse(""));
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    public Duration cacheMax() {
        return cacheMax;
    }

    /** The operator-pinned address of host:port, if any. */
    public Optional<InetSocketAddress> pinned(String host, int port) {
        return Optional.ofNullable(pinned.get(host.toLowerCase(Locale.ROOT) + ":" + port));
    }

    public SSLContext tls() {
        return tls;
    }

    /** {@code host:port=address:port}, comma-separated. */
    static Map<String, InetSocketAddress> pins(Optional<String> resolve) {
        Map<String, InetSocketAddress> pins = new HashMap<>();
        for (String entry : ConfigLists.split(resolve)) {
            String[] sides = entry.split("=", 2);
            int colon = sides.length == 2 ? sides[1].lastIndexOf(':') : -1;
            if (colon < 0 || !sides[0].contains(":")) {
                throw new IllegalArgumentException("mcprospero.oauth.cimd.resolve entries look like host:443=10.1.2.3:8443; got " + entry);
            }
            pins.put(sides[0].strip().toLowerCase(Locale.ROOT), new InetSocketAddress(sides[1].substring(0, colon).strip(),
                    Integer.parseInt(sides[1].substring(colon + 1).strip())));
        }
        return Map.copyOf(pins);
    }

    private static SSLContext tls(Optional<String> trustStore, String password) {
        try {
            if (trustStore.isEmpty() || trustStore.get().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(trustStore.get()))) {
                store.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("mcprospero.oauth.cimd.trust-store cannot be read: " + e.getMessage(), e);
        }
    }
}

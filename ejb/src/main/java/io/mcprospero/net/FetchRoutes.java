package io.mcprospero.net;

import io.mcprospero.support.ConfigLists;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where a guarded fetch may connect and whom it trusts. The operator can pin a host to an address (like curl
 * --resolve) and trust an extra certificate store, which is how tests put a stand-in behind a public name; pinned
 * targets are the operator's choice and skip the public-address check, nothing else does (but
 * {@code allowPrivateAddresses}, which turns the check off altogether).
 */
public record FetchRoutes(Map<String, InetSocketAddress> pins, SSLContext tls, boolean allowPrivateAddresses) {

    /** Routes read from settings: {@code resolveKey} names the setting of the pins, for its error message. */
    public static FetchRoutes of(String resolveKey, Optional<String> resolve, String trustStoreKey, Optional<String> trustStore,
                                 Optional<String> trustStorePassword, boolean allowPrivateAddresses) {
        return new FetchRoutes(pins(resolveKey, resolve), tls(trustStoreKey, trustStore, trustStorePassword.orElse("")), allowPrivateAddresses);
    }

    /** The operator-pinned address of host:port, if any. */
    public Optional<InetSocketAddress> pinned(String host, int port) {
        return Optional.ofNullable(pins.get(host.toLowerCase(Locale.ROOT) + ":" + port));
    }

    /** {@code host:port=address:port}, comma-separated. */
    static Map<String, InetSocketAddress> pins(String key, Optional<String> resolve) {
        Map<String, InetSocketAddress> pins = new HashMap<>();
        for (String entry : ConfigLists.split(resolve)) {
            String[] sides = entry.split("=", 2);
            int colon = sides.length == 2 ? sides[1].lastIndexOf(':') : -1;
            if (colon < 0 || !sides[0].contains(":")) {
                throw new IllegalArgumentException(key + " entries look like host:443=10.1.2.3:8443; got " + entry);
            }
            pins.put(sides[0].strip().toLowerCase(Locale.ROOT), new InetSocketAddress(sides[1].substring(0, colon).strip(),
                    Integer.parseInt(sides[1].substring(colon + 1).strip())));
        }
        return Map.copyOf(pins);
    }

    private static SSLContext tls(String key, Optional<String> trustStore, String password) {
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
            throw new IllegalStateException(key + " cannot be read: " + e.getMessage(), e);
        }
    }
}

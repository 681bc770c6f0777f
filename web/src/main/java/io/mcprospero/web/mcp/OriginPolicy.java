package io.mcprospero.web.mcp;

import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.support.ConfigLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser origins may call /mcp and the OAuth endpoints: this server's own origin and those in
 * {@code mcprospero.cors.origins}. A request without Origin (a desktop client, a server) is not a browser
 * and passes; a browser page from any other origin is refused, which stops DNS-rebinding attacks.
 */
@ApplicationScoped
public class OriginPolicy {

    private Set<String> allowed;

    protected OriginPolicy() {
        // for the CDI proxy
    }

    @Inject
    public OriginPolicy(OAuthSettings settings, @ConfigProperty(name = "mcprospero.cors.origins") Optional<String> configured) {
        Set<String> origins = new HashSet<>();
        origins.add(originOf(settings.issuer()));
        origins.addAll(loopbackAliases(settings.issuer()));
        ConfigLists.split(configured).stream().map(OriginPolicy::originOf).forEach(origins::add);
        this.allowed = Set.copyOf(origins);
    }

    public boolean permits(String origin) {
        return origin == null || allowed.contains(originOf(origin));
    }

    public boolean isAllowedBrowserOrigin(String origin) {
        return origin != null && allowed.contains(originOf(origin));
    }

    /** A server on a loopback name is the same server under its other loopback names (localhost, 127.0.0.1, [::1]). */
    private static Set<String> loopbackAliases(String url) {
        URI uri = URI.create(url);
        Set<String> loopback = Set.of("localhost", "127.0.0.1", "[::1]");
        if (uri.getHost() == null || !loopback.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return Set.of();
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        Set<String> aliases = new HashSet<>();
        loopback.forEach(host -> aliases.add(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + port));
        return aliases;
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.strip().toLowerCase(Locale.ROOT);
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                    || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
            return (uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }
}

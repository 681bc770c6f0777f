package io.mcprospero.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register (OAuth 2.1 and RFC 8252): https, or http on a loopback
 * address, or a private-use scheme of a native app (reverse domain name, so it contains a dot). No
 * fragments, no user name or password. Matching at /authorize is exact string equality, except that the port of a
 * loopback http URI may vary (RFC 8252 §7.3); everything else of it, down to the case of the host, must be what was
 * registered, and a presented URI with a fragment or userinfo never matches (RFC 6749 §3.1.2).
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private RedirectUris() {
    }

    /** Returns null when acceptable, else the reason it is not. */
    public static String problemWith(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException | NullPointerException e) {
            return "'" + value + "' is not a URI";
        }
        if (!uri.isAbsolute()) {
            return "'" + value + "' is not an absolute URI";
        }
        if (uri.getRawFragment() != null) {
            return "'" + value + "' has a fragment; redirect URIs must not";
        }
        if (uri.getRawUserInfo() != null) {
            return "'" + value + "' carries a user name; redirect URIs must not";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri.getHost() == null ? "'" + value + "' has no host" : null;
        }
        if (scheme.equals("http")) {
            return isLoopback(uri) ? null : "'" + value + "' uses http on a non-loopback host; use https (or http://127.0.0.1 for a local app)";
        }
        if (scheme.equals("javascript") || scheme.equals("data") || scheme.equals("file") || !scheme.contains(".")) {
            return "'" + value + "' uses the scheme '" + scheme + "'; use https, loopback http, or a reverse-domain private-use scheme";
        }
        return null;
    }

    /** Whether a redirect_uri presented at /authorize matches a registered one. */
    public static boolean matches(String registered, String presented) {
        if (registered == null || presented == null) {
            return false;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(presented);
            if (b.getRawFragment() != null || b.getRawUserInfo() != null || a.getRawFragment() != null || a.getRawUserInfo() != null) {
                return false;
            }
            if (registered.equals(presented)) {
                return true;
            }
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && isLoopback(a) && isLoopback(b)
                    && withoutPort(a).equals(withoutPort(b));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The URI as written, less its port: what must be equal for two loopback redirect URIs to match. */
    private static String withoutPort(URI uri) {
        String authority = uri.getRawAuthority();
        String host = uri.getPort() == -1 ? authority : authority.substring(0, authority.lastIndexOf(':'));
        return uri.getScheme() + "://" + host + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}

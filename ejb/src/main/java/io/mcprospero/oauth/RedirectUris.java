package io.mcprospero.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register (OAuth 2.1 and RFC 8252): https, or http on a loopback
 * address, or a private-use scheme of a native app (reverse domain name, so it contains a dot). No
 * fragments. Matching at /authorize is exact, except that the port of a loopback URI may vary.
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
        if (registered.equals(presented)) {
            return true;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(presented);
            return "http".equalsIgnoreCase(a.getScheme()) && "http".equalsIgnoreCase(b.getScheme())
                    && isLoopback(a) && isLoopback(b)
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && equalsNullable(a.getRawPath(), b.getRawPath())
                    && equalsNullable(a.getRawQuery(), b.getRawQuery());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static boolean equalsNullable(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}

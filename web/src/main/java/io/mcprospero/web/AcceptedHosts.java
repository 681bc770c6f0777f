package io.mcprospero.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers a browser page answers: the public URL's host and, in local mode, its loopback aliases. A page
 * under any other name was reached through a name that merely resolves here (DNS rebinding), so the browser would
 * treat an attacker's page as same-origin with the sign-in; the port is not compared, a rebinding keeps it.
 */
public final class AcceptedHosts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String publicHost;
    private final boolean loopbackToo;

    public AcceptedHosts(String publicUrl, boolean localMode) {
        this.publicHost = URI.create(publicUrl).getHost().toLowerCase(Locale.ROOT);
        this.loopbackToo = localMode;
    }

    /** Whether a request with this Host header (host, optionally a port) is for this server. */
    public boolean accepts(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostOf(hostHeader.strip().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.equals(publicHost) || loopbackToo && LOOPBACK.contains(host);
    }

    private static String hostOf(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : header.substring(0, end + 1);
        }
        int colon = header.indexOf(':');
        return colon < 0 ? header : header.substring(0, colon);
    }
}

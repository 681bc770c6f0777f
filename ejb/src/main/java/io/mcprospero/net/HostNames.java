package io.mcprospero.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is an IP address rather than a name. What the server fetches (a client's metadata document, an
 * agent's http_fetch) is named by its domain (the certificate names it, TLS sends it as SNI), so an address is refused
 * before anything connects; the
 * resolver would also read forms like {@code 127.1} or {@code 0x7f000001} as addresses, so any host whose last label
 * is numeric counts as one (no top-level domain is).
 */
public final class HostNames {

    private static final Pattern NUMERIC_LABEL = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)$");

    private HostNames() {
    }

    /** Null for a host name; else why the host is refused, naming what kind of address it is when that can be read. */
    public static String ipLiteralProblem(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        String[] labels = lower.endsWith(".") ? lower.substring(0, lower.length() - 1).split("\\.") : lower.split("\\.");
        boolean ipv6 = lower.startsWith("[") || lower.contains(":");
        if (!ipv6 && (labels.length == 0 || !NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches())) {
            return null;
        }
        String kind = "an IP address";
        try {
            String problem = PublicAddresses.problemWith(InetAddress.getByName(ipv6 ? lower.replace("[", "").replace("]", "") : lower));
            kind = problem == null ? "a public IP address" : problem;
        } catch (UnknownHostException | IllegalArgumentException unreadable) {
            // still an address form; refused all the same
        }
        return "its host " + host + " is " + kind + "; a URL the server fetches must name its host by a domain name";
    }
}

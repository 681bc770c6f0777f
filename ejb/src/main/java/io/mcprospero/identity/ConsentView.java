package io.mcprospero.identity;

import java.net.URI;

/**
 * What the consent page shows: which client (its registered name, if any, and id), where it will send the person, and
 * the CSRF token.
 */
public record ConsentView(String requestId, String csrfToken, String clientName, String clientId, String destination) {

    /**
     * Where a redirect URI sends the person, as they can judge it: the host of a web or loopback redirect, and for a
     * private-use scheme of a native app, which has no host, the scheme and path ({@code com.example.app:/cb}).
     */
    public static String destinationOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String path = uri.getRawPath() != null ? uri.getRawPath() : uri.getRawSchemeSpecificPart();
        return uri.getScheme() + ":" + (path == null ? "" : path) + " (an app on your device)";
    }
}

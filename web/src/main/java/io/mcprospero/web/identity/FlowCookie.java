package io.mcprospero.web.identity;

import io.mcprospero.support.Hashes;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The cookie that binds a sign-in to the browser that started it. One per authorization request (named
 * after it), so two sign-ins in one browser do not clash; HttpOnly, SameSite=Lax (it must come back on the
 * top-level redirect from the identity provider), Secure when the public URL is https.
 */
final class FlowCookie {

    private static final String PREFIX = "mcp_flow_";

    private FlowCookie() {
    }

    static NewCookie issue(String requestId, String browserSecret, Duration lifetime, boolean secure) {
        return new NewCookie.Builder(name(requestId))
                .value(browserSecret)
                .path("/")
                .maxAge((int) lifetime.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** The browser's secret for this request, or null when the cookie is missing. */
    static String read(HttpHeaders headers, String requestId) {
        if (requestId == null || requestId.length() > 64) {
            return null;
        }
        Cookie cookie = headers.getCookies().get(name(requestId));
        return cookie == null ? null : cookie.getValue();
    }

    private static String name(String requestId) {
        return PREFIX + Hashes.sha256Hex(requestId).substring(0, 16);
    }
}

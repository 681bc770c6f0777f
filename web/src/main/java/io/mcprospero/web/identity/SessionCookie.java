package io.mcprospero.web.identity;

import io.mcprospero.identity.BrowserSessions;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookie of a browser signed in to MCProspero's own pages: sent only to the approval pages (its path), HttpOnly,
 * SameSite=Lax (it must come along when the person opens the link from their conversation, a top-level navigation
 * from another site; the forms carry a CSRF token besides), Secure when the public URL is https, and no older than
 * its server-side session.
 */
public final class SessionCookie {

    static final String NAME = "mcprospero_session";
    static final String PATH = "/agents/approve";

    private SessionCookie() {
    }

    static NewCookie issue(BrowserSessions.Opened session, boolean secure) {
        return new NewCookie.Builder(NAME).value(session.secret()).path(PATH).maxAge((int) session.lifetime().toSeconds())
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** The session secret this browser presents, or null. */
    public static String read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** Tells the browser to forget the session (after it was revoked on the server). */
    public static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path(PATH).maxAge(0).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}

package io.mcprospero.identity;

/** What the welcome page shows: the stored answers (if any), the terms to accept, and the form's CSRF token. */
public record WelcomeView(String requestId, String csrfToken, String name, String timeZone, String termsVersion,
                          String termsUrl, boolean firstTime) {
}

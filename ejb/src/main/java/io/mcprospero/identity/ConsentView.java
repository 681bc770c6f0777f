package io.mcprospero.identity;

/** What the consent page shows: which client (its registered name, if any, and id), where it will send the person, and the CSRF token. */
public record ConsentView(String requestId, String csrfToken, String clientName, String clientId, String redirectHost) {
}

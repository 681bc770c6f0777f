package io.mcprospero.oauth;

/** How a client identified itself at the token endpoint: HTTP Basic, form parameters, or client_id alone. */
public record ClientCredentials(String clientId, String clientSecret, boolean basic) {
}

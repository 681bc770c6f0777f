package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.AuthorizationRequest;

/** A stored authorization request and the secret that binds it to the browser that started it (sent as a cookie). */
public record BrowserFlow(AuthorizationRequest request, String browserSecret) {
}

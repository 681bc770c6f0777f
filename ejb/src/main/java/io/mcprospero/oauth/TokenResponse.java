package io.mcprospero.oauth;

/** What the token endpoint answers on success (RFC 6749 §5.1). */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, String scope) {
}

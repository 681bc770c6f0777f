package io.mcprospero.mcp;

/** What a verified access token says about its caller: the user, the grant (sign-in) it was issued under, the client. */
public record BearerToken(String userId, String grantId, String clientId) {
}

package io.mcprospero.oauth;

/** The query parameters of an /authorize request, as sent. */
public record AuthorizeParameters(String responseType, String clientId, String redirectUri, String state,
                                  String codeChallenge, String codeChallengeMethod, String resource, String scope) {
}

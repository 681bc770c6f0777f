package io.mcprospero.integrations.oauth;

/** The OAuth app registered with a provider, and where the provider is (its real address unless a test says otherwise). */
public record OAuthClientSettings(String clientId, String clientSecret, String baseUrl) {

    @Override
    public String toString() {
        return "OAuthClientSettings[clientId=" + clientId + ", baseUrl=" + baseUrl + "]";
    }
}

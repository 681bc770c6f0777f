package io.mcprospero.integrations.oauth;

import java.net.URI;

/** A provider's OAuth for connecting a person's account: the consent link, the code exchange, refresh and revocation. */
public interface AccountOAuth {

    /** Where the person consents; {@code codeChallenge} is the PKCE S256 challenge (null for a provider without PKCE). */
    URI authorizationUrl(String state, String redirectUri, String codeChallenge);

    ProviderTokens exchange(String code, String redirectUri, String codeVerifier);

    /** A new access token; {@link io.mcprospero.integrations.IntegrationFailure.Kind#RECONNECT} when the grant is gone. */
    ProviderTokens refresh(ProviderTokens tokens);

    /** Ends the grant at the provider; a grant the provider no longer knows counts as revoked. */
    void revoke(ProviderTokens tokens);
}

package io.mcprospero.integrations.oauth;

import java.time.Instant;

/**
 * What a provider's token endpoint gave for a connected account: the access token, the refresh token (null where the
 * provider gives none), when the access token expires (null: it does not), the account's name as the provider tells
 * it (an email address, a workspace) and the scopes granted. {@link #toString} names no token.
 */
public record ProviderTokens(String accessToken, String refreshToken, Instant expiresAt, String account, String scopes) {

    /** Whether the access token is expired, or expires within {@code marginSeconds} of {@code now}. */
    public boolean expiresWithin(Instant now, long marginSeconds) {
        return expiresAt != null && !now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    /** After a refresh: the new access token, keeping the refresh token and account when the answer does not repeat them. */
    public ProviderTokens refreshedWith(ProviderTokens fresh) {
        return new ProviderTokens(fresh.accessToken, fresh.refreshToken == null ? refreshToken : fresh.refreshToken, fresh.expiresAt,
                fresh.account == null ? account : fresh.account, fresh.scopes == null ? scopes : fresh.scopes);
    }

    @Override
    public String toString() {
        return "ProviderTokens[account=" + account + ", expiresAt=" + expiresAt + ", refreshable=" + (refreshToken != null) + "]";
    }
}

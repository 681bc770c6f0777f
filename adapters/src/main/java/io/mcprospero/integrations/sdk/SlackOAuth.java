package io.mcprospero.integrations.sdk;


import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.FormPosts;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.oauth.ProviderTokens;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slack's OAuth v2 for installing the app in a workspace: consent for a bot token that may post and read channels,
 * the exchange (oauth.v2.access), refresh where token rotation is on, and auth.revoke, on Slack's Java SDK.
 */
public final class SlackOAuth implements AccountOAuth {

    public static final String SCOPES = "chat:write,channels:read,channels:history,groups:read,groups:history";

    private final OAuthClientSettings settings;
    private final Slack slack;
    private final String base;
    private final Clock clock;

    public SlackOAuth(OAuthClientSettings settings, Clock clock) {
        this.settings = settings;
        this.slack = SlackClients.slack(settings.baseUrl());
        this.base = SlackClients.base(settings.baseUrl());
        this.clock = clock;
    }

    /** Slack's v2 consent has no PKCE for confidential apps: the state and the client secret guard the exchange. */
    @Override
    public URI authorizationUrl(String state, String redirectUri, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("scope", SCOPES);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        return URI.create(base + "/oauth/v2/authorize?" + FormPosts.encode(query));
    }

    @Override
    public ProviderTokens exchange(String code, String redirectUri, String codeVerifier) {
        return tokens(SlackClients.call("complete the connection", () -> slack.methods().oauthV2Access(r -> r
                .clientId(settings.clientId()).clientSecret(settings.clientSecret()).code(code).redirectUri(redirectUri))), null);
    }

    @Override
    public ProviderTokens refresh(ProviderTokens tokens) {
        if (tokens.refreshToken() == null) {
            throw new io.mcprospero.integrations.IntegrationFailure(io.mcprospero.integrations.IntegrationFailure.Kind.RECONNECT,
                    "Slack no longer accepts this connection and it cannot be refreshed; the person must reconnect Slack (connect_account with provider slack)");
        }
        return tokens.refreshedWith(tokens(SlackClients.call("refresh the connection", () -> slack.methods().oauthV2Access(r -> r
                .clientId(settings.clientId()).clientSecret(settings.clientSecret()).grantType("refresh_token")
                .refreshToken(tokens.refreshToken()))), tokens.account()));
    }

    @Override
    public void revoke(ProviderTokens tokens) {
        try {
            SlackClients.call("revoke the connection", () -> slack.methods().authRevoke(r -> r.token(tokens.accessToken())));
        } catch (io.mcprospero.integrations.IntegrationFailure gone) {
            // a token Slack no longer accepts is as revoked as it gets
            if (gone.kind() != io.mcprospero.integrations.IntegrationFailure.Kind.RECONNECT) {
                throw gone;
            }
        }
    }

    private ProviderTokens tokens(OAuthV2AccessResponse answer, String knownAccount) {
        String account = answer.getTeam() != null && answer.getTeam().getName() != null ? answer.getTeam().getName() : knownAccount;
        return new ProviderTokens(answer.getAccessToken(), answer.getRefreshToken(),
                answer.getExpiresIn() == null ? null : clock.instant().plusSeconds(answer.getExpiresIn()), account, answer.getScope());
    }
}

package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.oauth.ProviderTokens;
import io.mcprospero.integrations.sdk.SlackOAuth;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Slack's OAuth v2 (authorize link, oauth.v2.access, auth.revoke) on Slack's Java SDK against a stand-in. */
class SlackOAuthTest {

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private SlackOAuth oauth() {
        return new SlackOAuth(new OAuthClientSettings("111.222", "slack-secret", slack.baseUrl()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theConsentLinkAsksForTheBotScopesWithState() {
        String url = oauth().authorizationUrl("state-9", "https://mcp.example.com/connect/slack/callback", null).toString();

        assertThat(url).startsWith(slack.baseUrl() + "/oauth/v2/authorize?client_id=111.222&scope=chat%3Awrite%2C")
                .contains("state=state-9").contains("redirect_uri=https%3A%2F%2Fmcp.example.com%2Fconnect%2Fslack%2Fcallback");
    }

    @Test
    void theCodeIsExchangedForABotTokenNamedForItsWorkspace() {
        slack.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).willReturn(okJson("{\"ok\":true,\"access_token\":\"xoxb-17653672481-abc\","
                + "\"token_type\":\"bot\",\"scope\":\"chat:write,channels:history\",\"bot_user_id\":\"U0KRQLJ9H\",\"app_id\":\"A0KRD7HC3\","
                + "\"team\":{\"name\":\"Acme Work\",\"id\":\"T9TK3CUKW\"},\"enterprise\":null,\"authed_user\":{\"id\":\"U1234\"}}")));

        ProviderTokens tokens = oauth().exchange("code-1", "https://mcp.example.com/connect/slack/callback", null);

        assertThat(tokens).isEqualTo(new ProviderTokens("xoxb-17653672481-abc", null, null, "Acme Work", "chat:write,channels:history"));
        slack.verify(postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=code-1"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Basic "
                        + java.util.Base64.getEncoder().encodeToString("111.222:slack-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    @Test
    void withTokenRotationARefreshGivesANewAccessToken() {
        slack.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"ok\":true,\"access_token\":\"xoxe.xoxb-new\",\"refresh_token\":\"xoxe-1-new\",\"expires_in\":43200,"
                        + "\"token_type\":\"bot\",\"team\":{\"name\":\"Acme Work\",\"id\":\"T1\"}}")));

        ProviderTokens fresh = oauth().refresh(new ProviderTokens("xoxe.xoxb-old", "xoxe-1-old", NOW, "Acme Work", "chat:write"));

        assertThat(fresh).isEqualTo(new ProviderTokens("xoxe.xoxb-new", "xoxe-1-new", NOW.plusSeconds(43200), "Acme Work", "chat:write"));
    }

    @Test
    void revokingCallsAuthRevokeAndATokenAlreadyGoneIsFine() {
        slack.stubFor(post(urlPathEqualTo("/api/auth.revoke")).withHeader("Authorization", containing("xoxb-live"))
                .willReturn(okJson("{\"ok\":true,\"revoked\":true}")));
        slack.stubFor(post(urlPathEqualTo("/api/auth.revoke")).withHeader("Authorization", containing("xoxb-gone"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        oauth().revoke(new ProviderTokens("xoxb-live", null, null, null, null));
        oauth().revoke(new ProviderTokens("xoxb-gone", null, null, null, null));

        slack.verify(2, postRequestedFor(urlPathEqualTo("/api/auth.revoke")));
    }
}

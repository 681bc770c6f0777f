package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.google.GoogleOAuth;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.oauth.Pkce;
import io.mcprospero.integrations.oauth.ProviderTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Google's OAuth 2.0 endpoints (authorization, token, revoke) against a stand-in speaking their documented shapes. */
class GoogleOAuthTest {

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"iss\":\"https://accounts.google.com\",\"email\":\"ada@example.com\"}".getBytes(StandardCharsets.UTF_8)) + ".sig";

    private GoogleOAuth oauth() {
        return new GoogleOAuth(new OAuthClientSettings("client-1.apps.googleusercontent.com", "secret-1", google.baseUrl()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> query(String uri) {
        return Arrays.stream(uri.substring(uri.indexOf('?') + 1).split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void theConsentLinkAsksForGmailAndCalendarOfflineWithPkceAndState() {
        String challenge = Pkce.challengeOf("verifier-verifier-verifier-verifier-verifier");
        String url = oauth().authorizationUrl("state-1", "https://mcp.example.com/connect/google/callback", challenge).toString();

        assertThat(url).startsWith(google.baseUrl() + "/o/oauth2/v2/auth?");
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("client_id", "client-1.apps.googleusercontent.com").containsEntry("response_type", "code")
                .containsEntry("access_type", "offline").containsEntry("state", "state-1").containsEntry("code_challenge", challenge)
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", "https://mcp.example.com/connect/google/callback");
        assertThat(query.get("scope").split(" ")).contains("https://www.googleapis.com/auth/gmail.readonly",
                "https://www.googleapis.com/auth/gmail.send", "https://www.googleapis.com/auth/calendar.events");
    }

    @Test
    void theCodeIsExchangedWithTheVerifierForTokensThatNameTheAccount() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"ya29.a0\",\"expires_in\":3599,"
                + "\"refresh_token\":\"1//0g-refresh\",\"scope\":\"openid email https://www.googleapis.com/auth/gmail.readonly\","
                + "\"token_type\":\"Bearer\",\"id_token\":\"" + ID_TOKEN + "\"}")));

        ProviderTokens tokens = oauth().exchange("4/0code", "https://mcp.example.com/connect/google/callback", "the-verifier");

        assertThat(tokens.accessToken()).isEqualTo("ya29.a0");
        assertThat(tokens.refreshToken()).isEqualTo("1//0g-refresh");
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
        assertThat(tokens.account()).isEqualTo("ada@example.com");
        assertThat(tokens.toString()).doesNotContain("ya29").doesNotContain("1//0g-refresh");
        google.verify(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=4%2F0code")).withRequestBody(containing("code_verifier=the-verifier"))
                .withRequestBody(containing("client_secret=secret-1")));
    }

    @Test
    void aRefreshKeepsTheRefreshTokenGoogleDoesNotRepeat() {
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"ya29.fresh\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        ProviderTokens old = new ProviderTokens("ya29.old", "1//0g-refresh", NOW, "ada@example.com", "email");

        ProviderTokens fresh = oauth().refresh(old);

        assertThat(fresh).isEqualTo(new ProviderTokens("ya29.fresh", "1//0g-refresh", NOW.plusSeconds(3599), "ada@example.com", "email"));
        google.verify(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=1%2F%2F0g-refresh")));
    }

    @Test
    void aRevokedGrantAsksThePersonToReconnect() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class,
                () -> oauth().refresh(new ProviderTokens("a", "r", NOW, "ada@example.com", null)));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.RECONNECT);
        assertThat(failure.getMessage()).contains("reconnect Google");
    }

    @Test
    void revokingSendsTheRefreshTokenAndAnUnknownTokenCountsAsRevoked() {
        google.stubFor(post(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=live")).willReturn(aResponse().withStatus(200)));
        google.stubFor(post(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=gone")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}")));

        oauth().revoke(new ProviderTokens("a", "live", null, null, null));
        oauth().revoke(new ProviderTokens("a", "gone", null, null, null));

        google.verify(2, postRequestedFor(urlPathEqualTo("/revoke")));
    }

    @Test
    void aWrongClientSecretNamesTheSettings() {
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}")));

        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> oauth().exchange("c", "https://x/cb", "v"));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("invalid_client").contains("mcprospero.connect.google.client-id");
    }
}

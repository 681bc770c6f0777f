package io.mcprospero.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * WireMock stand-ins of the providers the integrations talk to, speaking their wire formats as documented: Google's
 * OAuth (consent, code exchange, refresh, revocation), Slack's OAuth v2 and Web API, and Anthropic's Messages API
 * scripted as a tool-use conversation. Each test class adds the API calls its story needs.
 */
public final class ProviderStandIns {

    private ProviderStandIns() {
    }

    public static WireMockServer started() {
        WireMockServer standIn = new WireMockServer(options().dynamicPort());
        standIn.start();
        return standIn;
    }

    /** What the server needs to connect accounts at these stand-ins and to call their APIs and the model. */
    public static Map<String, String> environment(WireMockServer google, WireMockServer slack, WireMockServer anthropic) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "MCPROSPERO_LLM_PROVIDER", "anthropic",
                "MCPROSPERO_LLM_API_KEY", "sk-ant-stand-in",
                "MCPROSPERO_LLM_BASE_URL", anthropic.baseUrl(),
                "MCPROSPERO_LLM_MAX_RETRIES", "1"));
        environment.putAll(Map.of(
                "MCPROSPERO_CONNECT_GOOGLE_CLIENT_ID", "mcprospero-test.apps.googleusercontent.com",
                "MCPROSPERO_CONNECT_GOOGLE_CLIENT_SECRET", "google-client-secret",
                "MCPROSPERO_CONNECT_GOOGLE_BASE_URL", google.baseUrl(),
                "MCPROSPERO_CONNECT_SLACK_CLIENT_ID", "111.222",
                "MCPROSPERO_CONNECT_SLACK_CLIENT_SECRET", "slack-client-secret",
                "MCPROSPERO_CONNECT_SLACK_BASE_URL", slack.baseUrl(),
                "MCPROSPERO_TOOLS_GMAIL_BASE_URL", google.baseUrl(),
                "MCPROSPERO_TOOLS_CALENDAR_BASE_URL", google.baseUrl(),
                "MCPROSPERO_TOOLS_SLACK_BASE_URL", slack.baseUrl()));
        return environment;
    }

    /**
     * Google's consent answers with a code named for the account the person picks (login_hint); each account has its
     * tokens (access {@code ya29.<account>-1}, refresh {@code 1//<account>-refresh}, refreshed to {@code ya29.<account>-2}),
     * its id token names {@code <account>@example.com}; revocation accepts every token.
     */
    public static void googleSpeaksOAuth(WireMockServer google, List<String> accounts) {
        google.stubFor(get(urlPathEqualTo("/o/oauth2/v2/auth")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=code-{{request.query.login_hint}}"
                        + "&scope=email%20https://www.googleapis.com/auth/gmail.readonly")
                .withTransformers("response-template")));
        for (String account : accounts) {
            String idToken = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"https://accounts.google.com\","
                    + "\"email\":\"" + account + "@example.com\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
            google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("code=code-" + account + "&"))
                    .willReturn(okJson("{\"access_token\":\"ya29." + account + "-1\",\"expires_in\":3599,\"refresh_token\":\"1//" + account
                            + "-refresh\",\"scope\":\"openid email https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/calendar\","
                            + "\"token_type\":\"Bearer\",\"id_token\":\"" + idToken + "\"}")));
            google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=1%2F%2F" + account + "-refresh"))
                    .willReturn(okJson("{\"access_token\":\"ya29." + account + "-2\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        }
        google.stubFor(post(urlPathEqualTo("/revoke")).atPriority(5).willReturn(aResponse().withStatus(200)));
    }

    /** Slack's OAuth v2 installs the bot in "Acme Work", whose channels are #general and #work-digest; posting and revoking work. */
    public static void slackSpeaksOAuthAndWebApi(WireMockServer slack) {
        slack.stubFor(get(urlPathEqualTo("/oauth/v2/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=slack-code&state={{request.query.state}}")
                .withTransformers("response-template")));
        slack.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).willReturn(okJson("{\"ok\":true,\"access_token\":\"xoxb-stand-in-bot\","
                + "\"token_type\":\"bot\",\"scope\":\"chat:write,channels:read,channels:history\",\"bot_user_id\":\"U0BOT\",\"app_id\":\"A0APP\","
                + "\"team\":{\"name\":\"Acme Work\",\"id\":\"T0ACME\"},\"enterprise\":null,\"authed_user\":{\"id\":\"U0ADA\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/conversations.list")).willReturn(okJson("{\"ok\":true,\"channels\":["
                + "{\"id\":\"C0GENERAL1\",\"name\":\"general\"},{\"id\":\"C0DIGEST01\",\"name\":\"work-digest\"}],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"channel\":\"C0DIGEST01\","
                + "\"ts\":\"1764835200.000100\",\"message\":{\"type\":\"message\",\"text\":\"digest\",\"ts\":\"1764835200.000100\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/auth.revoke")).willReturn(okJson("{\"ok\":true,\"revoked\":true}")));
    }

    /**
     * One step of a scripted model: a conversation that carries the agent's marker and already holds
     * {@code whenTheConversationHolds} gets {@code content} (lower priority numbers win, so later steps go first).
     */
    public static void step(WireMockServer anthropic, String agent, String whenTheConversationHolds, int priority, String content, String stop) {
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(priority).withRequestBody(containing(agent))
                .withRequestBody(containing(whenTheConversationHolds)).willReturn(okJson("{\"id\":\"msg_" + UUID.randomUUID()
                        + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\",\"content\":" + content
                        + ",\"stop_reason\":\"" + stop + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":300,\"output_tokens\":40}}")));
    }

    public static String toolUse(String id, String name, String input) {
        return "[{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":" + input + "}]";
    }

    public static String text(String text) {
        return "[{\"type\":\"text\",\"text\":\"" + text + "\"}]";
    }
}

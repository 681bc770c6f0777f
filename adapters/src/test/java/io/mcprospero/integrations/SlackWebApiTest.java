package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.slack.SlackMessage;
import io.mcprospero.integrations.sdk.SlackWebApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Slack adapter (Slack's Java SDK) against a stand-in of the Web API: chat.postMessage, conversations.list and .history. */
class SlackWebApiTest {

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void aWorkspaceWithTwoChannels() {
        slack.stubFor(post(urlPathEqualTo("/api/conversations.list")).willReturn(okJson("{\"ok\":true,\"channels\":["
                + "{\"id\":\"C0GENERAL1\",\"name\":\"general\",\"is_channel\":true},{\"id\":\"C0DIGEST01\",\"name\":\"work-digest\",\"is_channel\":true}],"
                + "\"response_metadata\":{\"next_cursor\":\"\"}}")));
    }

    @Test
    void aPostToAChannelByNameGoesToItsId() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"channel\":\"C0DIGEST01\","
                + "\"ts\":\"1764835200.000100\",\"message\":{\"type\":\"message\",\"text\":\"Digest\",\"ts\":\"1764835200.000100\"}}")));

        String ts = SlackWebApi.of(slack.baseUrl(), "xoxb-1").post("#work-digest", "Digest: 2 mails");

        assertThat(ts).isEqualTo("1764835200.000100");
        slack.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withHeader("Authorization", equalTo("Bearer xoxb-1"))
                .withRequestBody(containing("channel=C0DIGEST01")).withRequestBody(containing("text=Digest%3A%202%20mails")));
    }

    @Test
    void aChannelsHistoryIsItsMessages() {
        slack.stubFor(post(urlPathEqualTo("/api/conversations.history")).withRequestBody(containing("channel=C0GENERAL1"))
                .willReturn(okJson("{\"ok\":true,\"messages\":[{\"type\":\"message\",\"user\":\"U01\",\"text\":\"Lunch?\",\"ts\":\"1.0\"}],\"has_more\":false}")));

        assertThat(SlackWebApi.of(slack.baseUrl(), "xoxb-1").history("C0GENERAL1", 20)).containsExactly(new SlackMessage("U01", "1.0", "Lunch?"));
    }

    @Test
    void anUnknownChannelSaysToInviteTheApp() {
        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> SlackWebApi.of(slack.baseUrl(), "xoxb-1").post("#secret", "x"));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("#secret").contains("invite");
    }

    @Test
    void aRevokedTokenAsksToReconnectAndAnExpiredOneToRefresh() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withHeader("Authorization", equalTo("Bearer xoxb-revoked"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withHeader("Authorization", equalTo("Bearer xoxe-expired"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_expired\"}")));

        IntegrationFailure revoked = catchThrowableOfType(IntegrationFailure.class, () -> SlackWebApi.of(slack.baseUrl(), "xoxb-revoked").post("C0GENERAL1", "x"));
        IntegrationFailure expired = catchThrowableOfType(IntegrationFailure.class, () -> SlackWebApi.of(slack.baseUrl(), "xoxe-expired").post("C0GENERAL1", "x"));

        assertThat(revoked.kind()).isEqualTo(IntegrationFailure.Kind.RECONNECT);
        assertThat(revoked.getMessage()).contains("reconnect Slack");
        assertThat(expired.kind()).isEqualTo(IntegrationFailure.Kind.UNAUTHORIZED);
    }
}

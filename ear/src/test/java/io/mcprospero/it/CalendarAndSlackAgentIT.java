package io.mcprospero.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.mcprospero.it.support.ConnectedAccounts.callApproving;
import static io.mcprospero.it.support.ConnectedAccounts.connectByUrlElicitation;
import static io.mcprospero.it.support.ConnectedAccounts.runNowAndWait;
import static io.mcprospero.it.support.ConnectedAccounts.toolCalls;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.structured;
import static io.mcprospero.it.support.ProviderStandIns.started;
import static io.mcprospero.it.support.ProviderStandIns.step;
import static io.mcprospero.it.support.ProviderStandIns.text;
import static io.mcprospero.it.support.ProviderStandIns.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.ProviderStandIns;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent that plans with the calendar and Slack, end to end on the real server: the model stand-in, scripted as a
 * tool-use conversation, lists the day's events (Google Calendar client), reads #general (Slack SDK) and books the
 * meeting asked for there; what arrives at the stand-ins and what get_run shows are checked. And a workspace with Slack's
 * token rotation, whose bot token expires mid-run: refreshed, and the run goes on.
 */
class CalendarAndSlackAgentIT {

    private static final String DATABASE = ServerUnderTest.database("planner");
    private static final String EVENTS = "/calendar/v3/calendars/primary/events";
    private static WireMockServer google;
    private static WireMockServer slack;
    private static WireMockServer anthropic;
    private static ServerUnderTest server;
    private static LocalSignIn signIn;

    @BeforeAll
    static void aServerWithStandIns() {
        google = started();
        slack = started();
        anthropic = started();
        ProviderStandIns.googleSpeaksOAuth(google, List.of("cleo"));
        ProviderStandIns.slackSpeaksOAuthAndWebApi(slack);
        google.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(okJson("{\"kind\":\"calendar#events\",\"items\":[{\"id\":\"e1\","
                + "\"summary\":\"Stand-up\",\"start\":{\"dateTime\":\"2026-12-10T09:00:00+01:00\"},\"end\":{\"dateTime\":\"2026-12-10T09:15:00+01:00\"},"
                + "\"attendees\":[{\"email\":\"bob@example.com\"}]}]}")));
        google.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson("{\"id\":\"ev-new1\",\"summary\":\"Q3 review\","
                + "\"start\":{\"dateTime\":\"2026-12-10T10:00:00+01:00\"},\"end\":{\"dateTime\":\"2026-12-10T10:30:00+01:00\"}}")));
        slack.stubFor(post(urlPathEqualTo("/api/conversations.history")).willReturn(okJson("{\"ok\":true,\"messages\":[{\"type\":\"message\","
                + "\"user\":\"U0BOB\",\"text\":\"Can we meet Thursday at 10 about Q3?\",\"ts\":\"1765350000.000200\"}],\"has_more\":false}")));
        step(anthropic, "[planner]", "(event ev-new1)", 1, text("Booked Q3 review on Thursday at 10 with Bob."), "end_turn");
        step(anthropic, "[planner]", "Can we meet Thursday", 2, toolUse("toolu_p3", "calendar_create_event", "{\"summary\":\"Q3 review\","
                + "\"start\":\"2026-12-10T10:00:00+01:00\",\"end\":\"2026-12-10T10:30:00+01:00\",\"time_zone\":\"Europe/Berlin\","
                + "\"attendees\":[\"bob@example.com\"]}"), "tool_use");
        step(anthropic, "[planner]", "Stand-up", 3, toolUse("toolu_p2", "slack_read_channel", "{\"channel\":\"#general\",\"limit\":10}"), "tool_use");
        step(anthropic, "[planner]", "[planner]", 4, toolUse("toolu_p1", "calendar_list_events",
                "{\"from\":\"2026-12-10T00:00:00+01:00\",\"to\":\"2026-12-11T00:00:00+01:00\"}"), "tool_use");
        Map<String, String> environment = new LinkedHashMap<>(ServerUnderTest.onFreshDatabase(DATABASE));
        environment.putAll(ProviderStandIns.environment(google, slack, anthropic));
        environment.put("MCPROSPERO_SIGNUP_OPEN", "true");
        server = ServerUnderTest.start("planner", environment);
        signIn = new LocalSignIn(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        for (WireMockServer standIn : new WireMockServer[] {google, slack, anthropic}) {
            if (standIn != null) {
                standIn.stop();
            }
        }
    }

    @Test
    void anAgentListsTheDaysEventsReadsAChannelAndBooksTheMeetingAskedForThere() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("cleo")).accessToken());
        connectByUrlElicitation(server, person, "google", "cleo");
        connectByUrlElicitation(server, person, "slack", null);
        String arguments = "{\"name\":\"Meeting planner\",\"instructions\":\"[planner] Look at Thursday's calendar, read #general and book "
                + "the meetings people ask for there.\",\"tools\":[\"calendar_list_events\",\"slack_read_channel\",\"calendar_create_event\"],"
                + "\"destinations\":[\"#general\",\"bob@example.com\"]}";
        JsonObject created = structured(callApproving(person, "create_agent", arguments));
        assertThat(created.getString("outcome")).as(created.toString()).isEqualTo("approved");
        assertThat(created.getJsonObject("agent").getJsonObject("manifest").getJsonArray("reads").toString())
                .contains("the events of the connected Google Calendar").contains("messages of Slack channel #general");

        JsonObject run = runNowAndWait(person, "Meeting planner");

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("completed");
        List<JsonObject> calls = toolCalls(run);
        assertThat(calls).extracting(c -> c.getString("name") + (c.getBoolean("error") ? " (error)" : ""))
                .containsExactly("calendar_list_events", "slack_read_channel", "calendar_create_event");
        assertThat(calls.get(0).getString("result")).contains("Stand-up").contains("bob@example.com");
        assertThat(calls.get(1).getString("result")).contains("#general").contains("U0BOB: Can we meet Thursday at 10 about Q3?");
        assertThat(calls.get(2).getJsonObject("input").getString("summary")).isEqualTo("Q3 review");
        assertThat(calls.get(2).getString("result")).contains("Created \"Q3 review\"").contains("(event ev-new1)");
        assertThat(run.getString("final_text")).isEqualTo("Booked Q3 review on Thursday at 10 with Bob.");
        assertThat(run.getString("trace_id")).matches("[0-9a-f]{32}");

        google.verify(getRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.cleo-1"))
                .withQueryParam("timeMin", equalTo("2026-12-09T23:00:00.000Z")).withQueryParam("timeMax", equalTo("2026-12-10T23:00:00.000Z"))
                .withQueryParam("singleEvents", equalTo("true")));
        slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.history")).withHeader("Authorization", equalTo("Bearer xoxb-stand-in-bot"))
                .withRequestBody(containing("channel=C0GENERAL1")).withRequestBody(containing("limit=10")));
        google.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withHeader("Authorization", equalTo("Bearer ya29.cleo-1"))
                .withRequestBody(matchingJsonPath("$.summary", equalTo("Q3 review")))
                .withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("Europe/Berlin")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("bob@example.com"))));
        assertThat(server.logText()).doesNotContain("ya29.").doesNotContain("xoxb-").doesNotContain("Can we meet Thursday");
    }

    @Test
    void aRotatingSlackTokenThatExpiresMidRunIsRefreshedAndTheRunGoesOn() throws Exception {
        // a workspace with token rotation on: its bot token expires, and Slack answers token_expired until it is refreshed
        slack.stubFor(get(urlPathEqualTo("/oauth/v2/authorize")).atPriority(1).withQueryParam("login_hint", equalTo("rotating"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "{{request.query.redirect_uri}}?code=slack-rotating"
                        + "&state={{request.query.state}}").withTransformers("response-template")));
        slack.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).atPriority(1).withRequestBody(containing("code=slack-rotating"))
                .willReturn(okJson(rotatingTokens("1"))));
        slack.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).atPriority(1).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=xoxe-1-rotr1")).willReturn(okJson(rotatingTokens("2"))));
        slack.stubFor(post(urlPathEqualTo("/api/conversations.history")).atPriority(1).withHeader("Authorization", equalTo("Bearer xoxe.xoxb-1-rot1"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_expired\"}")));
        step(anthropic, "[rotating]", "Can we meet Thursday", 3, text("Read #general."), "end_turn");
        step(anthropic, "[rotating]", "[rotating]", 4, toolUse("toolu_r1", "slack_read_channel", "{\"channel\":\"#general\"}"), "tool_use");
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("rota")).accessToken());
        connectByUrlElicitation(server, person, "slack", "rotating");
        String arguments = "{\"name\":\"Channel reader\",\"instructions\":\"[rotating] Read #general.\",\"tools\":[\"slack_read_channel\"],"
                + "\"destinations\":[\"#general\"]}";
        assertThat(structured(callApproving(person, "create_agent", arguments)).getString("outcome")).isEqualTo("approved");

        JsonObject run = runNowAndWait(person, "Channel reader");

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("completed");
        assertThat(toolCalls(run)).extracting(c -> c.getString("name") + (c.getBoolean("error") ? " (error)" : "")).containsExactly("slack_read_channel");
        assertThat(toolCalls(run).get(0).getString("result")).contains("Can we meet Thursday at 10 about Q3?");
        slack.verify(1, postRequestedFor(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("refresh_token=xoxe-1-rotr1")));
        slack.verify(postRequestedFor(urlPathEqualTo("/api/conversations.history")).withHeader("Authorization", equalTo("Bearer xoxe.xoxb-1-rot2")));
        assertThat(server.logText()).doesNotContain("xoxe");
    }

    /** What Slack's oauth.v2.access answers for a workspace with token rotation: an expiring bot token and its refresh token. */
    private static String rotatingTokens(String generation) {
        return "{\"ok\":true,\"access_token\":\"xoxe.xoxb-1-rot" + generation + "\",\"refresh_token\":\"xoxe-1-rotr" + generation
                + "\",\"expires_in\":43200,\"token_type\":\"bot\",\"scope\":\"chat:write,channels:read,channels:history\",\"bot_user_id\":\"U0BOT\","
                + "\"app_id\":\"A0APP\",\"team\":{\"name\":\"Rotating Works\",\"id\":\"T0ROT\"},\"enterprise\":null,\"authed_user\":{\"id\":\"U0ROT\"}}";
    }
}

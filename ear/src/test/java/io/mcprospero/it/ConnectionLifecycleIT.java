package io.mcprospero.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.mcprospero.it.support.ConnectedAccounts.ELICITS_FORMS_AND_URLS;
import static io.mcprospero.it.support.ConnectedAccounts.callAnswering;
import static io.mcprospero.it.support.ConnectedAccounts.connectByUrlElicitation;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.refusal;
import static io.mcprospero.it.support.People.structured;
import static io.mcprospero.it.support.ProviderStandIns.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.ProviderStandIns;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A connection's life around its tokens, on the real server against stand-ins of Google's and Slack's OAuth: the PKCE
 * verifier of a pending Google sign-in is sealed in the database, not kept in clear; reconnecting another account
 * revokes the grant it replaces (and a failed revocation does not fail the reconnect); disconnecting asks the person.
 */
class ConnectionLifecycleIT {

    private static final String DATABASE = ServerUnderTest.database("connections");
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
        ProviderStandIns.googleSpeaksOAuth(google, List.of("vera", "rhea", "rhea-work", "rhea-home", "dora"));
        ProviderStandIns.slackSpeaksOAuthAndWebApi(slack);
        // revoking rhea-work's grant fails at Google for a while
        google.stubFor(post(urlPathEqualTo("/revoke")).atPriority(1).withRequestBody(equalTo("token=1%2F%2Frhea-work-refresh"))
                .willReturn(aResponse().withStatus(503)));
        Map<String, String> environment = new LinkedHashMap<>(ServerUnderTest.onFreshDatabase(DATABASE));
        environment.putAll(ProviderStandIns.environment(google, slack, anthropic));
        environment.put("MCPROSPERO_SIGNUP_OPEN", "true");
        server = ServerUnderTest.start("connections", environment);
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
    void theVerifierOfAPendingGoogleSignInIsSealedInTheDatabaseAndTheSignInStillCompletes() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("vera")).accessToken());
        String orgId = structured(person.callTool("whoami", "{}")).getJsonObject("org").getString("id");
        String link = structured(person.callTool("connect_account", "{\"provider\":\"google\"}")).getString("connect_url");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toGoogle = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toGoogle.statusCode()).isEqualTo(303);
        String consent = toGoogle.headers().firstValue("Location").orElseThrow();
        String challenge = queryParameter(consent, "code_challenge");

        Map<String, Object> pending = connectRequestOf(orgId);
        assertThat(pending).doesNotContainKey("code_verifier");
        assertThat(pending.get("verifier_sealed")).as("sealed while the sign-in is pending").isInstanceOf(byte[].class);
        assertThat(pending.get("verifier_key_id")).isNotNull();

        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(consent + "&login_hint=vera")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(back.headers().firstValue("Location").orElseThrow())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String exchange = URLDecoder.decode(google.findAll(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("code=code-vera&")))
                .get(0).getBodyAsString(), StandardCharsets.UTF_8);
        String verifier = exchange.replaceAll(".*code_verifier=([^&]+).*", "$1");
        assertThat(s256(verifier)).as("the verifier Google gets belongs to the challenge it was shown").isEqualTo(challenge);
        assertThat(everyValueAsText(pending)).as("the pending row held no verifier in clear").doesNotContain(verifier)
                .doesNotContain(HexFormat.of().formatHex(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(connectRequestOf(orgId).get("verifier_sealed")).as("and nothing once used").isNull();
        assertThat(structured(person.callTool("list_connections", "{}")).getJsonArray("connections").getJsonObject(0).getString("account"))
                .isEqualTo("vera@example.com");
    }

    @Test
    void reconnectingAnotherGoogleAccountRevokesTheReplacedGrantAndAFailedRevocationDoesNotFailTheReconnect() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("rhea")).accessToken());
        connectByUrlElicitation(server, person, "google", "rhea");

        connectByUrlElicitation(server, person, "google", "rhea-work");

        google.verify(1, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=1%2F%2Frhea-refresh")));
        assertThat(account(person)).isEqualTo("rhea-work@example.com");

        // the same account again: revoking at Google would end the grant its new tokens hang on too
        connectByUrlElicitation(server, person, "google", "rhea-work");
        google.verify(0, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=1%2F%2Frhea-work-refresh")));

        connectByUrlElicitation(server, person, "google", "rhea-home");

        google.verify(1, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=1%2F%2Frhea-work-refresh")));
        assertThat(account(person)).as("Google answered 503 to the revocation; the reconnect stands").isEqualTo("rhea-home@example.com");
        String log = server.logText();
        assertThat(log).contains("could not revoke the replaced google grant").doesNotContain("rhea-work-refresh").doesNotContain("1//rhea");
    }

    @Test
    void disconnectingAsksThePersonByFormWhereTheClientElicitsAndElseAsksForConfirm() throws Exception {
        String dora = email("dora");
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(dora).accessToken());
        connectByUrlElicitation(server, person, "google", "dora");
        connectByUrlElicitation(server, person, "slack", null);
        String disconnectGoogle = "{\"provider\":\"google\"}";

        JsonObject first = ModernMcp.json(person.request("tools/call", "{\"name\":\"disconnect_account\",\"arguments\":" + disconnectGoogle + "}",
                ELICITS_FORMS_AND_URLS)).getJsonObject("result");
        assertThat(first.getString("resultType")).isEqualTo("input_required");
        assertThat(first.getJsonObject("inputRequests").getJsonObject("confirm").getJsonObject("params").getString("message"))
                .contains("Disconnect Google (dora@example.com)?").contains("revoked");
        assertThat(structured(callAnswering(person, "disconnect_account", "{\"provider\":\"google\",\"confirm\":true}", false))
                .getString("outcome")).as("the person's no counts, not the model's confirm").isEqualTo("declined");
        assertThat(providers(person)).containsExactly("google", "slack");
        assertGoogleRevocations(0, "dora");

        JsonObject yes = structured(callAnswering(person, "disconnect_account", disconnectGoogle, true));
        assertThat(yes.getString("outcome")).isEqualTo("disconnected");
        assertThat(yes.getBoolean("revoked_upstream")).isTrue();
        assertGoogleRevocations(1, "dora");
        assertThat(providers(person)).containsExactly("slack");

        RawMcp legacy = new RawMcp(server, signIn.tokensFor(dora).accessToken());
        legacy.initialize();
        assertThat(refusal(legacy.callTool("disconnect_account", "{\"provider\":\"slack\"}"))).contains("Disconnect Slack (Acme Work)?")
                .contains("ask them in the conversation").contains("confirm: true").contains("Nothing was changed");
        assertThat(providers(person)).containsExactly("slack");
        slack.verify(0, postRequestedFor(urlPathEqualTo("/api/auth.revoke")));

        JsonObject confirmed = structured(legacy.callTool("disconnect_account", "{\"provider\":\"slack\",\"confirm\":true}"));
        assertThat(confirmed.getString("outcome")).isEqualTo("disconnected");
        slack.verify(1, postRequestedFor(urlPathEqualTo("/api/auth.revoke")).withHeader("Authorization", equalTo("Bearer xoxb-stand-in-bot")));
        assertThat(providers(person)).isEmpty();
    }

    private static void assertGoogleRevocations(int count, String account) {
        google.verify(count, postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=1%2F%2F" + account + "-refresh")));
    }

    private static List<String> providers(ModernMcp person) {
        return structured(person.callTool("list_connections", "{}")).getJsonArray("connections").getValuesAs(JsonValue::asJsonObject).stream()
                .map(c -> c.getString("provider")).toList();
    }

    private static String account(ModernMcp person) {
        return structured(person.callTool("list_connections", "{}")).getJsonArray("connections").getJsonObject(0).getString("account");
    }

    /** The org's one connect request, every column as the database holds it. */
    private static Map<String, Object> connectRequestOf(String orgId) throws Exception {
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(DATABASE), ServerUnderTest.dbUser(), "");
             PreparedStatement select = db.prepareStatement("SELECT * FROM connect_requests WHERE org_id = ?")) {
            select.setString(1, orgId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnName(i).toLowerCase(), row.getObject(i));
                }
                assertThat(row.next()).isFalse();
                return columns;
            }
        }
    }

    /** Each value as text, bytes both as Latin-1 text and in hex, so that a verifier in clear shows however it is stored. */
    private static String everyValueAsText(Map<String, Object> columns) {
        List<String> texts = new ArrayList<>();
        columns.values().forEach(value -> {
            if (value instanceof byte[] bytes) {
                texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
                texts.add(HexFormat.of().formatHex(bytes));
            } else {
                texts.add(String.valueOf(value));
            }
        });
        return String.join("\n", texts);
    }

    private static String queryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(url + " has no " + name);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}

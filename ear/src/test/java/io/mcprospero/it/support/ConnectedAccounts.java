package io.mcprospero.it.support;

import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A person connecting accounts and running agents as a 2026-07-28 client that elicits forms and URLs does: the connect
 * link opened in their browser with consent at a provider stand-in ({@link ProviderStandIns}), approvals answered yes,
 * runs awaited through get_run.
 */
public final class ConnectedAccounts {

    public static final String ELICITS_FORMS_AND_URLS = "{\"elicitation\":{\"form\":{},\"url\":{}}}";

    private ConnectedAccounts() {
    }

    /** The person's browser: opens the connect link, picks an account at the provider's consent, comes back to MCProspero. */
    public static HttpResponse<String> consentInBrowser(String connectUrl, String account) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(connectUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(303);
        String consent = toProvider.headers().firstValue("Location").orElseThrow() + (account == null ? "" : "&login_hint=" + account);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(consent)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        return browser.send(HttpRequest.newBuilder(URI.create(back.headers().firstValue("Location").orElseThrow())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** connect_account by a client that opens links: the URL elicitation, the consent, the second round; answers the link. */
    public static String connectByUrlElicitation(ServerUnderTest server, ModernMcp person, String provider, String account) throws Exception {
        String call = "{\"name\":\"connect_account\",\"arguments\":{\"provider\":\"" + provider + "\"}";
        JsonObject first = ModernMcp.json(person.request("tools/call", call + "}", ELICITS_FORMS_AND_URLS)).getJsonObject("result");
        assertThat(first.getString("resultType")).as(first.toString()).isEqualTo("input_required");
        JsonObject params = first.getJsonObject("inputRequests").getJsonObject("connect").getJsonObject("params");
        assertThat(params.getString("mode")).isEqualTo("url");
        assertThat(params.getString("elicitationId")).isNotBlank();
        String url = params.getString("url");
        assertThat(url).startsWith(server.baseUrl() + "/connect/" + provider + "?request=");

        HttpResponse<String> page = consentInBrowser(url, account);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("is connected");

        JsonObject second = structured(ModernMcp.json(person.request("tools/call", call + ",\"inputResponses\":{\"connect\":{\"action\":\"accept\"}},"
                + "\"requestState\":\"" + first.getString("requestState") + "\"}", ELICITS_FORMS_AND_URLS)));
        assertThat(second.getString("outcome")).isEqualTo("opened");
        return url;
    }

    /** A 2026-07-28 call by a client that elicits forms: the first round asks the person, the second says yes. */
    public static JsonObject callApproving(ModernMcp client, String tool, String arguments) {
        return callAnswering(client, tool, arguments, true);
    }

    /** The same, the person answering the confirmation with {@code yes}. */
    public static JsonObject callAnswering(ModernMcp client, String tool, String arguments, boolean yes) {
        JsonObject first = ModernMcp.json(client.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}",
                ELICITS_FORMS_AND_URLS)).getJsonObject("result");
        assertThat(first.getString("resultType")).as(first.toString()).isEqualTo("input_required");
        return ModernMcp.json(client.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments
                + ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":" + yes + "}}},\"requestState\":\""
                + first.getString("requestState") + "\"}", ELICITS_FORMS_AND_URLS));
    }

    /** The run once it is no longer running (at most 90 s), through get_run. */
    public static JsonObject awaitRunEnd(Function<String, JsonObject> getRun, String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject run = getRun.apply(runId);
        while (run.getString("status").equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            run = getRun.apply(runId);
        }
        return run;
    }

    public static JsonObject runNowAndWait(ModernMcp person, String agent) throws InterruptedException {
        String runId = structured(person.callTool("update_agent", "{\"agent\":\"" + agent + "\",\"action\":\"run_now\"}")).getString("run_id");
        return awaitRunEnd(id -> structured(person.callTool("get_run", "{\"run_id\":\"" + id + "\"}")).getJsonObject("run"), runId);
    }

    public static List<JsonObject> toolCalls(JsonObject run) {
        return run.getJsonArray("steps").getValuesAs(JsonValue::asJsonObject).stream().filter(s -> s.getString("kind").equals("tool_call")).toList();
    }
}

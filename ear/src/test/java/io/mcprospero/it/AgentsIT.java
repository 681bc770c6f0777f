package io.mcprospero.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.refusal;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.People;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents end to end on the real server, its in-process Temporal service and the real Anthropic client library against
 * a stand-in of the Messages API: created by talking (a 2026-07-28 client that elicits approves by form; a legacy client
 * without elicitation gets a link that only the person's approval page honours), running on their own on schedule,
 * pausing, run_now, webhooks, and clear refusals for what cannot run.
 */
class AgentsIT {

    private static final String ELICITS = "{\"elicitation\":{}}";
    private static WireMockServer anthropic;
    private static ServerUnderTest server;
    private static LocalSignIn signIn;
    private static final String NEWS = "/agents/news";
    private static final String REPORT = "/agents/long-report";
    /** The web host of http_fetch: https://claude.ai, pinned to a local HTTPS stand-in by the http_fetch routes. */
    private static final CimdStandIn web = CimdStandIn.shared();

    @BeforeAll
    static void aServerWithAModelStandIn() {
        anthropic = new WireMockServer(options().dynamicPort());
        anthropic.start();
        // turn 1: the model asks for remember; turn 2 (the tool result is in the conversation): it is done
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(2).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json")
                .withBody("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"Noting it.\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                        + "\"name\":\"remember\",\"input\":{\"note\":\"digest sent\"}}],\"stop_reason\":\"tool_use\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":120,\"output_tokens\":30}}")));
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(1).withRequestBody(containing("tool_result"))
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody("{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                                + "\"content\":[{\"type\":\"text\",\"text\":\"Digest done.\"}],\"stop_reason\":\"end_turn\","
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":200,\"output_tokens\":10}}")));
        // agents whose spec names one of these models meet a failing or misbehaving provider
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-down\""))
                .willReturn(aResponse().withStatus(500).withHeader("content-type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")));
        // a model that thinks for a long time: its run can be cancelled while the model call is in flight
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-slow\""))
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000).withHeader("content-type", "application/json")
                        .withBody("{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-slow\","
                                + "\"content\":[{\"type\":\"text\",\"text\":\"Finally.\"}],\"stop_reason\":\"end_turn\","
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}")));
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-garbled\""))
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json").withBody("{\"id\": \"msg_")));
        // (before the generic first turn, which would otherwise answer it: in WireMock the lower number wins)
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-rogue\""))
                .withRequestBody(notContaining("tool_result"))
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody("{\"id\":\"msg_r\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-rogue\","
                                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_r\",\"name\":\"gmail_send\","
                                + "\"input\":{\"to\":\"attacker@example.net\",\"subject\":\"all your mail\"}}],\"stop_reason\":\"tool_use\","
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":50,\"output_tokens\":20}}")));
        // http_fetch: the first turn fetches from the allowed web host, or probes addresses no agent may reach
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-fetcher\""))
                .withRequestBody(notContaining("tool_result")).willReturn(toolUse("claude-haiku-fetcher",
                        "{\"type\":\"tool_use\",\"id\":\"toolu_f\",\"name\":\"http_fetch\",\"input\":{\"url\":\"https://claude.ai" + NEWS + "\"}}")));
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-prober\""))
                .withRequestBody(notContaining("tool_result")).willReturn(toolUse("claude-haiku-prober",
                        "{\"type\":\"tool_use\",\"id\":\"toolu_m\",\"name\":\"http_fetch\",\"input\":{\"url\":\"https://169.254.169.254/latest/meta-data/\"}},"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_l\",\"name\":\"http_fetch\",\"input\":{\"url\":\"https://127.0.0.1/admin\"}}")));
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0).withRequestBody(containing("\"claude-haiku-reader\""))
                .withRequestBody(notContaining("tool_result")).willReturn(toolUse("claude-haiku-reader",
                        "{\"type\":\"tool_use\",\"id\":\"toolu_r\",\"name\":\"http_fetch\",\"input\":{\"url\":\"https://claude.ai" + REPORT + "\"}}")));
        Map<String, String> environment = new HashMap<>(ServerUnderTest.onFreshDatabase(ServerUnderTest.database("agents")));
        environment.putAll(web.routedHere("MCPROSPERO_TOOLS_HTTP_FETCH"));
        // the runs here write transcripts of a few KB; one that read a long page passes this and goes to the artifact store
        environment.put("MCPROSPERO_ARTIFACTS_TRANSCRIPT_THRESHOLD_BYTES", "16384");
        environment.putAll(Map.of(
                "MCPROSPERO_SIGNUP_OPEN", "true",
                // every person here registers a client from 127.0.0.1; the rate itself is tested on its own server
                "MCPROSPERO_OAUTH_REGISTRATION_RATE", "100000",
                "MCPROSPERO_ADMINS", ServerUnderTest.ADMIN_EMAIL,
                "MCPROSPERO_AGENTS_MIN_INTERVAL", "PT5S",
                "MCPROSPERO_LLM_PROVIDER", "anthropic",
                "MCPROSPERO_LLM_API_KEY", "sk-ant-stand-in",
                "MCPROSPERO_LLM_BASE_URL", anthropic.baseUrl(),
                "MCPROSPERO_LLM_MAX_RETRIES", "1"));
        server = ServerUnderTest.start("agents", environment);
        signIn = new LocalSignIn(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (anthropic != null) {
            anthropic.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder toolUse(String model, String blocks) {
        return aResponse().withStatus(200).withHeader("content-type", "application/json")
                .withBody("{\"id\":\"msg_t\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\","
                        + "\"content\":[" + blocks + "],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":60,\"output_tokens\":20}}");
    }

    /** A 2026-07-28 tool call by a client that elicits: the first round asks, the second answers yes. */
    private static JsonObject callApproving(ModernMcp client, String tool, String arguments) {
        JsonObject first = ModernMcp.json(client.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}", ELICITS))
                .getJsonObject("result");
        assertThat(first.getString("resultType")).as(first.toString()).isEqualTo("input_required");
        JsonObject question = first.getJsonObject("inputRequests").getJsonObject("confirm");
        assertThat(question.getJsonObject("params").getString("message")).contains("Reads").contains("Runs");
        return ModernMcp.json(client.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments
                + ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}},\"requestState\":\""
                + first.getString("requestState") + "\"}", ELICITS));
    }

    private static List<JsonObject> runs(ModernMcp client, String agent) {
        return structured(client.callTool("list_runs", "{\"agent\":\"" + agent + "\"}")).getJsonArray("runs")
                .getValuesAs(JsonValue::asJsonObject);
    }

    private static List<JsonObject> awaitRuns(ModernMcp client, String agent, Duration within, Predicate<List<JsonObject>> enough)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        List<JsonObject> runs = runs(client, agent);
        while (!enough.test(runs) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            runs = runs(client, agent);
        }
        return runs;
    }

    private static long completed(List<JsonObject> runs) {
        return runs.stream().filter(run -> run.getString("status").equals("completed")).count();
    }

    @Test
    void anAgentApprovedByFormRunsOnItsOwnTwiceStopsWhenPausedAndRunsNowOnRequest() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("scheduled")).accessToken());
        String arguments = "{\"name\":\"Every five seconds\",\"instructions\":\"Summarise and remember that you did.\","
                + "\"tools\":[\"remember\"],\"schedule\":{\"interval\":\"PT5S\",\"timezone\":\"Europe/Berlin\"}}";

        JsonObject created = structured(callApproving(person, "create_agent", arguments));

        assertThat(created.getString("outcome")).isEqualTo("approved");
        assertThat(created.getJsonObject("agent").getString("status")).isEqualTo("active");
        assertThat(created.getJsonObject("agent").getJsonObject("manifest").getJsonArray("tools").getString(0)).isEqualTo("remember");
        List<JsonObject> runs = awaitRuns(person, "Every five seconds", Duration.ofSeconds(60), list -> completed(list) >= 2);
        assertThat(completed(runs)).as(runs.toString()).isGreaterThanOrEqualTo(2);
        assertThat(runs).allMatch(run -> run.getString("trigger").equals("schedule"));

        JsonObject run = structured(person.callTool("get_run", "{\"run_id\":\"" + runs.get(runs.size() - 1).getString("id") + "\"}"))
                .getJsonObject("run");
        assertThat(run.getInt("turns")).isEqualTo(2);
        assertThat(run.getInt("tool_calls")).isEqualTo(1);
        assertThat(run.getJsonNumber("units").longValue()).as("tokens in and out at Haiku's price").isEqualTo(120 + 30 + 200 + 10);
        assertThat(run.getString("final_text")).isEqualTo("Digest done.");
        assertThat(anthropic.getAllServeEvents()).as("the configured key reaches the provider, as the SDK sends it")
                .allMatch(event -> "sk-ant-stand-in".equals(event.getRequest().getHeader("x-api-key"))
                        || "Bearer sk-ant-stand-in".equals(event.getRequest().getHeader("Authorization")));
        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.tools[0].name", equalTo("remember")))
                .withRequestBody(matchingJsonPath("$.system", containing("Summarise and remember"))));

        JsonObject paused = structured(person.callTool("update_agent", "{\"agent\":\"Every five seconds\",\"action\":\"pause\"}"));
        assertThat(paused.getJsonObject("agent").getString("status")).isEqualTo("paused");
        Thread.sleep(2_000);
        int afterPause = runs(person, "Every five seconds").size();
        Thread.sleep(12_000);
        assertThat(runs(person, "Every five seconds")).as("no run starts while paused").hasSize(afterPause);

        String runId = structured(person.callTool("update_agent", "{\"agent\":\"Every five seconds\",\"action\":\"run_now\"}")).getString("run_id");
        List<JsonObject> withNow = awaitRuns(person, "Every five seconds", Duration.ofSeconds(30),
                list -> list.stream().anyMatch(r -> r.getString("id").equals(runId) && r.getString("status").equals("completed")));
        assertThat(withNow).anyMatch(r -> r.getString("id").equals(runId) && r.getString("trigger").equals("run_now")
                && r.getString("status").equals("completed"));
    }

    @Test
    void withoutElicitationOnlyThePersonsApprovalPageApprovesAndTheModelCannot() throws Exception {
        String linkedEmail = email("linked");
        RawMcp model = new RawMcp(server, signIn.tokensFor(linkedEmail).accessToken());
        model.initialize();
        JsonObject created = structured(model.callTool("create_agent", "{\"name\":\"Linked\",\"instructions\":\"Do the thing.\","
                + "\"tools\":[\"remember\"]}"));
        assertThat(created.getString("outcome")).isEqualTo("approval_needed");
        assertThat(created.getJsonObject("agent").getString("status")).isEqualTo("pending_approval");

        assertThat(model.callTool("update_agent", "{\"agent\":\"Linked\",\"action\":\"approve\",\"confirm\":true}")
                .getJsonObject("error").getInt("code")).as("approving takes no confirm argument from the model").isEqualTo(-32602);
        JsonObject again = structured(model.callTool("update_agent", "{\"agent\":\"Linked\",\"action\":\"approve\"}"));
        assertThat(again.getString("outcome")).as("the model asking to approve gets a link, not an active agent").isEqualTo("approval_needed");
        assertThat(refusal(model.callTool("update_agent", "{\"agent\":\"Linked\",\"action\":\"run_now\"}"))).contains("not been approved");

        String url = again.getString("approval_url");
        Browser linkHolder = new Browser();
        HttpResponse<String> page = linkHolder.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the link alone shows a sign-in, not the manifest").contains("Sign in to MCProspero")
                .doesNotContain("its own notes from earlier runs").doesNotContain("decision");
        HttpResponse<String> unsigned = linkHolder.postForm(url, Map.of("csrf", "anything", "decision", "approve"));
        assertThat(unsigned.statusCode()).as("a decision posted without a signed-in session").isEqualTo(403);
        assertThat(unsigned.body()).contains("not signed in");
        assertThat(status(model, "Linked")).isEqualTo("pending_approval");

        Browser person = new Browser();
        assertThat(signIn.signInForPage(person, url, linkedEmail)).as("signed in, back to the page").isEqualTo(URI.create(url));
        HttpResponse<String> manifest = person.get(url);
        assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
        assertThat(manifest.body()).contains("Linked").contains("its own notes from earlier runs").contains("Approve").contains(linkedEmail);
        HttpResponse<String> forged = person.postForm(url, Map.of("csrf", "not-the-pages-token", "decision", "approve"));
        assertThat(forged.statusCode()).as("a form without the session's CSRF token").isEqualTo(403);
        assertThat(status(model, "Linked")).isEqualTo("pending_approval");

        HttpResponse<String> approved = person.postForm(url, Map.of("csrf", Browser.field(manifest.body(), "csrf"), "decision", "approve"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("is approved");
        assertThat(status(model, "Linked")).isEqualTo("active");
        assertThat(person.get(url).statusCode()).as("a link is used once").isEqualTo(404);

        String runId = structured(model.callTool("update_agent", "{\"agent\":\"Linked\",\"action\":\"run_now\"}")).getString("run_id");
        ModernMcp reader = new ModernMcp(server, signIn.tokensFor(email("reader")).accessToken());
        assertThat(reader.callTool("get_run", "{\"run_id\":\"" + runId + "\"}").getJsonObject("result").getBoolean("isError"))
                .as("another person's run is not found").isTrue();
    }

    @Test
    void onlyTheLinksPersonMayDecideOnTheApprovalPageAndOthersSignedInAreRefusedNamingThem() {
        String ownerEmail = email("approver");
        RawMcp owner = People.session(server, ownerEmail);
        String org = People.sharedOrg(owner, "Approvals " + UUID.randomUUID().toString().substring(0, 8));
        String viewerEmail = email("viewer");
        structured(owner.callTool("invite_member", "{\"email\":\"" + viewerEmail + "\",\"role\":\"viewer\"}"));
        // signing in walks the invitations page, which accepts the invitation: the viewer is a member of the org
        assertThat(structured(People.session(server, viewerEmail).callTool("list_orgs", "{}")).toString()).contains(org);
        String outsiderEmail = email("outsider");
        People.session(server, outsiderEmail);
        String url = structured(owner.callTool("create_agent", "{\"name\":\"Shared\",\"instructions\":\"Do the thing.\","
                + "\"tools\":[\"remember\"]}")).getString("approval_url");

        for (String other : List.of(outsiderEmail, viewerEmail)) {
            Browser browser = new Browser();
            assertThat(signIn.signInForPage(browser, url, other)).isEqualTo(URI.create(url));
            HttpResponse<String> refused = browser.get(url);
            assertThat(refused.statusCode()).as(other + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(other).contains("Only Person " + ownerEmail).contains(ownerEmail)
                    .doesNotContain("its own notes from earlier runs");
            HttpResponse<String> posted = browser.postForm(url, Map.of("csrf", Browser.field(refused.body(), "csrf"), "decision", "approve"));
            assertThat(posted.statusCode()).as(other + " posting with their own session: " + posted.body()).isEqualTo(403);
            assertThat(status(owner, "Shared")).as(other).isEqualTo("pending_approval");
        }

        structured(owner.callTool("update_agent", "{\"agent\":\"Shared\",\"action\":\"modify\","
                + "\"schedule\":{\"interval\":\"PT1H\",\"timezone\":\"Europe/Berlin\"}}"));
        Browser ownerBrowser = new Browser();
        signIn.signInForPage(ownerBrowser, url, ownerEmail);
        HttpResponse<String> stale = ownerBrowser.get(url);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("version 1").contains("replaced by version 2");
        assertThat(status(owner, "Shared")).isEqualTo("pending_approval");

        String fresh = structured(owner.callTool("update_agent", "{\"agent\":\"Shared\",\"action\":\"approve\"}")).getString("approval_url");
        HttpResponse<String> approved = People.decideOnApprovalPage(server, fresh, ownerEmail, "approve");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(status(owner, "Shared")).isEqualTo("active");
    }

    private static String status(RawMcp client, String agent) {
        return structured(client.callTool("get_agent", "{\"agent\":\"" + agent + "\"}")).getJsonObject("agent").getString("status");
    }

    @Test
    void aWebhookStartsARunWithItsBodyAndRefusesWrongSecretsAndPausedAgents() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("hooked")).accessToken());
        JsonObject created = structured(callApproving(person, "create_agent", "{\"name\":\"Hooked\",\"instructions\":\"Act on the payload.\","
                + "\"tools\":[\"remember\"],\"webhook\":true}"));
        String hook = created.getString("webhook_url");
        assertThat(hook).startsWith(server.baseUrl() + "/hooks/");

        HttpResponse<String> started = Http.postJson(hook, "{\"event\":\"invoice.paid\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = Http.json(started).getString("run_id");
        List<JsonObject> runs = awaitRuns(person, "Hooked", Duration.ofSeconds(30),
                list -> list.stream().anyMatch(r -> r.getString("id").equals(runId) && !r.getString("status").equals("running")));
        assertThat(runs).anyMatch(r -> r.getString("id").equals(runId) && r.getString("status").equals("completed")
                && r.getString("trigger").equals("webhook"));
        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("invoice.paid")));

        assertThat(Http.postJson(hook.substring(0, hook.lastIndexOf('/') + 1) + "wrong-secret", "{}").statusCode()).isEqualTo(404);
        assertThat(Http.postJson(server.baseUrl() + "/hooks/" + UUID.randomUUID() + "/x", "{}").statusCode()).isEqualTo(404);
        structured(person.callTool("update_agent", "{\"agent\":\"Hooked\",\"action\":\"pause\"}"));
        assertThat(Http.postJson(hook, "{}").statusCode()).isEqualTo(409);

        // without Meta's app secret the WhatsApp webhook is off, and says which setting turns it on
        for (HttpResponse<String> off : List.of(Http.get(server.baseUrl() + "/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1"),
                Http.postJson(server.baseUrl() + "/hooks/whatsapp", "{}", "X-Hub-Signature-256", "sha256=00"))) {
            assertThat(off.statusCode()).isEqualTo(404);
            assertThat(off.body()).contains("mcprospero.tools.whatsapp.app-secret");
        }
    }

    @Test
    void whatCannotRunIsRefusedSayingWhatToChange() {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("refused")).accessToken());
        assertThat(refusal(person.callTool("create_agent", "{\"name\":\"Bad cron\",\"instructions\":\"x\",\"schedule\":{\"cron\":\"61 * * * *\"}}")))
                .contains("cron expression").contains("five fields");
        assertThat(refusal(person.callTool("create_agent", "{\"name\":\"Bad zone\",\"instructions\":\"x\","
                + "\"schedule\":{\"cron\":\"0 8 * * 1-5\",\"timezone\":\"Mars/Olympus\"}}"))).contains("unknown time zone");
        assertThat(refusal(person.callTool("create_agent", "{\"name\":\"Bad tool\",\"instructions\":\"x\",\"tools\":[\"launch_rockets\"]}")))
                .contains("unknown agent tool").contains("remember");
        assertThat(refusal(person.callTool("create_agent", "{\"name\":\"Too often\",\"instructions\":\"x\",\"schedule\":{\"interval\":\"PT1S\"}}")))
                .contains("shorter than the platform allows");
        assertThat(refusal(person.callTool("get_agent", "{\"agent\":\"No such agent\"}"))).contains("list_agents");
        assertThat(structured(person.callTool("list_agents", "{}")).getJsonArray("agents")).as("nothing half-made").isEmpty();
    }

    /** Creates an approved agent for a client that elicits, and answers the id of a run started now. */
    private static String approvedAndRunNow(ModernMcp person, String name, String model) {
        structured(callApproving(person, "create_agent", "{\"name\":\"" + name + "\",\"instructions\":\"Work.\","
                + "\"tools\":[\"remember\"],\"model\":\"" + model + "\"}"));
        return structured(person.callTool("update_agent", "{\"agent\":\"" + name + "\",\"action\":\"run_now\"}")).getString("run_id");
    }

    private static JsonObject finishedRun(ModernMcp person, String runId, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonObject run = structured(person.callTool("get_run", "{\"run_id\":\"" + runId + "\"}")).getJsonObject("run");
        while (run.getString("status").equals("running") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            run = structured(person.callTool("get_run", "{\"run_id\":\"" + runId + "\"}")).getJsonObject("run");
        }
        return run;
    }

    @Test
    void aProviderThatFailsOrAnswersGarbageEndsTheRunWithAClearReason() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("failing")).accessToken());
        String garbled = approvedAndRunNow(person, "Garbled", "claude-haiku-garbled");
        String down = approvedAndRunNow(person, "Down", "claude-haiku-down");

        JsonObject malformed = finishedRun(person, garbled, Duration.ofSeconds(30));
        assertThat(malformed.getString("status")).isEqualTo("failed");
        assertThat(malformed.getString("reason")).as("a malformed answer is not retried").contains("not a Messages API response");
        assertThat(anthropic.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("claude-haiku-garbled"))))
                .hasSize(1);

        JsonObject failed = finishedRun(person, down, Duration.ofSeconds(90));
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("reason")).contains("500");
        int attempts = anthropic.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("claude-haiku-down"))).size();
        assertThat(attempts).as("bounded: the adapter's retries within each of the engine's attempts").isBetween(2, 10);
        assertThat(failed.getJsonNumber("units").longValue()).as("a failed call costs nothing").isZero();
    }

    @Test
    void aToolOutsideTheApprovedManifestIsRefusedAndTheRefusalIsInTheTranscript() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("rogue")).accessToken());
        JsonObject run = finishedRun(person, approvedAndRunNow(person, "Rogue", "claude-haiku-rogue"), Duration.ofSeconds(30));

        assertThat(run.getString("status")).isEqualTo("completed");
        List<JsonObject> calls = run.getJsonArray("steps").getValuesAs(JsonValue::asJsonObject).stream()
                .filter(step -> step.getString("kind").equals("tool_call")).toList();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getString("name")).isEqualTo("gmail_send");
            assertThat(call.getBoolean("error")).isTrue();
        });
        assertThat(anthropic.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("not in this agent's approved manifest"))))
                .as("the model is told why").isNotEmpty();
    }

    @Test
    void aSpentBudgetStopsTheRunAndWhoamiShowsWhatIsLeft() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("thrifty")).accessToken());
        JsonObject whoami = structured(person.callTool("whoami", "{}"));
        assertThat(whoami.getJsonObject("budget").getJsonNumber("daily_units").longValue()).isEqualTo(100_000);
        String orgId = whoami.getJsonObject("org").getString("id");
        ModernMcp admin = new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        structured(admin.callTool("admin", "{\"action\":\"set_budget\",\"org_id\":\"" + orgId + "\",\"daily_units\":50}"));
        assertThat(structured(person.callTool("whoami", "{}")).getJsonObject("budget").getJsonNumber("left_today").longValue()).isEqualTo(50);

        JsonObject run = finishedRun(person, approvedAndRunNow(person, "Thrifty", "claude-haiku-4-5"), Duration.ofSeconds(30));

        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("reason")).contains("daily budget of 50 units");
        assertThat(run.getInt("turns")).isZero();
        assertThat(structured(person.callTool("whoami", "{}")).getJsonObject("budget").getJsonNumber("left_today").longValue())
                .as("nothing is held after a refused call").isEqualTo(50);
    }

    @Test
    void aViewerReadsAgentsButCannotCreateOrRunThem() {
        ModernMcp owner = new ModernMcp(server, signIn.tokensFor(email("team-owner")).accessToken());
        String orgId = structured(owner.callTool("create_org", "{\"name\":\"Agents team " + UUID.randomUUID().toString().substring(0, 6) + "\"}"))
                .getJsonObject("org").getString("id");
        String viewerEmail = email("viewer");
        ModernMcp viewer = new ModernMcp(server, signIn.tokensFor(viewerEmail).accessToken());
        ModernMcp admin = new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        structured(admin.callTool("admin", "{\"action\":\"set_role\",\"org_id\":\"" + orgId + "\",\"user\":\"" + viewerEmail + "\",\"role\":\"viewer\"}"));
        structured(owner.callTool("create_agent", "{\"name\":\"Team agent\",\"instructions\":\"x\",\"org_id\":\"" + orgId + "\"}"));

        assertThat(structured(viewer.callTool("list_agents", "{\"org_id\":\"" + orgId + "\"}")).getJsonArray("agents")).hasSize(1);
        assertThat(refusal(viewer.callTool("create_agent", "{\"name\":\"Mine\",\"instructions\":\"x\",\"org_id\":\"" + orgId + "\"}")))
                .contains("does not allow");
        assertThat(refusal(viewer.callTool("update_agent", "{\"agent\":\"Team agent\",\"action\":\"pause\",\"org_id\":\"" + orgId + "\"}")))
                .contains("does not allow");
    }

    @Test
    void aRunIsAResourceInBothErasAndAgentTemplatesArePrompts() throws Exception {
        String token = signIn.tokensFor(email("reader")).accessToken();
        ModernMcp person = new ModernMcp(server, token);
        String runId = approvedAndRunNow(person, "Readable", "claude-haiku-4-5");
        assertThat(finishedRun(person, runId, Duration.ofSeconds(30)).getString("status")).isEqualTo("completed");
        String uri = "mcprospero://runs/" + runId;

        JsonObject listed = ModernMcp.json(person.request("resources/list", "{}", "{}")).getJsonObject("result");
        assertThat(listed.getJsonArray("resources").getValuesAs(JsonValue::asJsonObject)).extracting(r -> r.getString("uri")).contains(uri);
        assertThat(listed.getString("cacheScope")).as("the list is the caller's org's").isEqualTo("private");
        JsonObject answer = ModernMcp.json(person.request("resources/read", "{\"uri\":\"" + uri + "\"}", "{}"));
        assertThat(answer.containsKey("result")).as(answer.toString()).isTrue();
        JsonObject read = answer.getJsonObject("result");
        JsonObject transcript = ModernMcp.parse(read.getJsonArray("contents").getJsonObject(0).getString("text"));
        assertThat(transcript.getString("status")).isEqualTo("completed");
        assertThat(transcript.getJsonArray("steps").toString()).contains("remember");

        RawMcp legacy = new RawMcp(server, token);
        legacy.initialize();
        assertThat(legacy.request("resources/read", "{\"uri\":\"" + uri + "\"}").getJsonObject("result").getJsonArray("contents")
                .getJsonObject(0).getString("text")).isEqualTo(read.getJsonArray("contents").getJsonObject(0).getString("text"));

        ModernMcp stranger = new ModernMcp(server, signIn.tokensFor(email("stranger")).accessToken());
        JsonObject refused = ModernMcp.json(stranger.request("resources/read", "{\"uri\":\"" + uri + "\"}", "{}"));
        assertThat(refused.getJsonObject("error").getInt("code")).as("another org's run does not exist for them").isEqualTo(-32602);
        assertThat(refused.getJsonObject("error").getJsonObject("data").getString("uri")).isEqualTo(uri);
        assertThat(ModernMcp.json(stranger.request("resources/list", "{}", "{}")).toString()).doesNotContain(runId);

        JsonObject prompts = ModernMcp.json(person.request("prompts/list", "{}", "{}")).getJsonObject("result");
        assertThat(prompts.getJsonArray("prompts").getValuesAs(JsonValue::asJsonObject)).extracting(p -> p.getString("name"))
                .containsExactly("calendar_brief", "work_email_digest");
        JsonObject digest = ModernMcp.json(person.request("prompts/get", "{\"name\":\"work_email_digest\",\"arguments\":"
                + "{\"timezone\":\"Europe/Berlin\",\"slack_channel\":\"#inbox\"}}", "{}")).getJsonObject("result");
        assertThat(digest.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text"))
                .contains("create_agent").contains("08:00").contains("Europe/Berlin").contains("#inbox");
        JsonObject unknownZone = ModernMcp.json(person.request("prompts/get", "{\"name\":\"calendar_brief\",\"arguments\":"
                + "{\"timezone\":\"Mars/Olympus\"}}", "{}"));
        assertThat(unknownZone.getJsonObject("error").getInt("code")).isEqualTo(-32602);
        assertThat(unknownZone.getJsonObject("error").getString("message")).contains("IANA time zone");
    }

    @Test
    void runNowWithAProgressTokenReportsEachStepAndAnswersTheOutcome() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("watcher")).accessToken());
        structured(callApproving(person, "create_agent", "{\"name\":\"Watched\",\"instructions\":\"Work.\",\"tools\":[\"remember\"]}"));
        try (ModernMcp.Stream call = person.openWithProgress("{\"name\":\"update_agent\",\"arguments\":"
                + "{\"agent\":\"Watched\",\"action\":\"run_now\"}}", "watch-1")) {
            List<JsonObject> messages = call.rest(Duration.ofSeconds(60));
            List<JsonObject> progress = messages.stream().filter(m -> "notifications/progress".equals(m.getString("method", null))).toList();
            assertThat(progress).as(messages.toString()).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(m -> assertThat(m.getJsonObject("params").getString("progressToken")).isEqualTo("watch-1"));
            JsonObject outcome = messages.get(messages.size() - 1).getJsonObject("result").getJsonObject("structuredContent");
            assertThat(outcome.getString("outcome")).as(outcome.toString()).isEqualTo("completed");
            assertThat(outcome.getJsonObject("run").getString("final_text")).isEqualTo("Digest done.");
        }
    }

    private static List<JsonObject> toolCalls(JsonObject run) {
        return run.getJsonArray("steps").getValuesAs(JsonValue::asJsonObject).stream().filter(step -> step.getString("kind").equals("tool_call"))
                .toList();
    }

    @Test
    void httpFetchReadsFromTheApprovedHostThroughTheGuard() throws Exception {
        web.serve(NEWS, new CimdStandIn.Document(200, Map.of("Content-Type", "text/plain; charset=utf-8"), "Three new invoices today.", false));
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("fetcher")).accessToken());
        JsonObject created = structured(callApproving(person, "create_agent", "{\"name\":\"Fetcher\",\"instructions\":\"Read the news.\","
                + "\"tools\":[\"http_fetch\"],\"allowed_hosts\":[\"claude.ai\"],\"model\":\"claude-haiku-fetcher\"}"));
        assertThat(created.getJsonObject("agent").getJsonObject("manifest").getJsonArray("reads").getString(0))
                .isEqualTo("web pages and API answers from claude.ai (HTTPS GET)");
        String runId = structured(person.callTool("update_agent", "{\"agent\":\"Fetcher\",\"action\":\"run_now\"}")).getString("run_id");

        JsonObject run = finishedRun(person, runId, Duration.ofSeconds(30));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("completed");
        assertThat(toolCalls(run)).singleElement().satisfies(call -> {
            assertThat(call.getString("name")).isEqualTo("http_fetch");
            assertThat(call.getBoolean("error")).isFalse();
            assertThat(call.getJsonObject("input").getString("url")).isEqualTo("https://claude.ai" + NEWS);
            assertThat(call.getString("result")).isEqualTo("HTTP 200, text/plain, 25 bytes\n\nThree new invoices today.");
        });
        assertThat(web.hits(NEWS)).isEqualTo(1);
        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("Three new invoices today."))
                .withRequestBody(containing("# Hosts http_fetch may reach\\nclaude.ai")));
    }

    @Test
    void httpFetchRefusesMetadataAndLoopbackAddressesEvenWhenTheyAreAllowedHosts() throws Exception {
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("prober")).accessToken());
        structured(callApproving(person, "create_agent", "{\"name\":\"Prober\",\"instructions\":\"Look around.\","
                + "\"tools\":[\"http_fetch\"],\"allowed_hosts\":[\"169.254.169.254\",\"127.0.0.1\"],\"model\":\"claude-haiku-prober\"}"));
        String runId = structured(person.callTool("update_agent", "{\"agent\":\"Prober\",\"action\":\"run_now\"}")).getString("run_id");

        JsonObject run = finishedRun(person, runId, Duration.ofSeconds(30));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("completed");
        assertThat(toolCalls(run)).extracting(call -> call.getBoolean("error")).containsExactly(true, true);
        assertThat(toolCalls(run)).extracting(call -> call.getString("result")).containsExactly(
                "https://169.254.169.254/latest/meta-data/ cannot be fetched: its host 169.254.169.254 is a link-local address; "
                        + "a URL the server fetches must name its host by a domain name.",
                "https://127.0.0.1/admin cannot be fetched: its host 127.0.0.1 is a loopback address; "
                        + "a URL the server fetches must name its host by a domain name.");
        anthropic.verify(postRequestedFor(urlPathEqualTo("/v1/messages")).withRequestBody(containing("is a link-local address")));
    }

    @Test
    void aLargeTranscriptIsKeptSealedInTheArtifactStoreAndGetRunReadsItBack() throws Exception {
        StringBuilder report = new StringBuilder();
        for (int line = 1; report.length() < 40_000; line++) {
            report.append("Line ").append(line).append(" of the quarterly report.\n");
        }
        web.serve(REPORT, new CimdStandIn.Document(200, Map.of("Content-Type", "text/plain"), report.toString(), false));
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("reader")).accessToken());
        String orgId = structured(person.callTool("whoami", "{}")).getJsonObject("org").getString("id");
        structured(callApproving(person, "create_agent", "{\"name\":\"Reader\",\"instructions\":\"Read the report.\","
                + "\"tools\":[\"http_fetch\"],\"allowed_hosts\":[\"claude.ai\"],\"model\":\"claude-haiku-reader\"}"));
        String runId = structured(person.callTool("update_agent", "{\"agent\":\"Reader\",\"action\":\"run_now\"}")).getString("run_id");

        JsonObject run = finishedRun(person, runId, Duration.ofSeconds(30));

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("completed");
        assertThat(run.getString("final_text")).isEqualTo("Digest done.");
        assertThat(toolCalls(run)).singleElement().satisfies(call -> assertThat(call.getString("result"))
                .startsWith("HTTP 200, text/plain, " + report.length() + " bytes\n\nLine 1 of the quarterly report.\nLine 2 of"));
        java.nio.file.Path artifact = server.dataDir().resolve("artifacts/transcripts/" + orgId + "/" + runId);
        assertThat(artifact).as("the transcript went to the artifact store").exists();
        assertThat(java.nio.file.Files.size(artifact)).isGreaterThan(16_384);
        assertThat(java.nio.file.Files.readString(artifact, java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("sealed before it left").startsWith("MCPA1").doesNotContain("quarterly report");
    }

    @Test
    void aClientThatFollowsTasksGetsRunNowAsATaskItCanReadAndCancel() throws Exception {
        String follows = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(email("tasker")).accessToken());
        JsonObject discovered = ModernMcp.json(person.request("server/discover", "{}", follows)).getJsonObject("result");
        assertThat(discovered.getJsonObject("capabilities").getJsonObject("extensions").containsKey("io.modelcontextprotocol/tasks")).isTrue();
        structured(callApproving(person, "create_agent", "{\"name\":\"Tasked\",\"instructions\":\"Work.\",\"tools\":[\"remember\"]}"));

        JsonObject created = ModernMcp.json(person.request("tools/call", "{\"name\":\"update_agent\",\"arguments\":"
                + "{\"agent\":\"Tasked\",\"action\":\"run_now\"}}", follows)).getJsonObject("result");
        assertThat(created.getString("resultType")).as(created.toString()).isEqualTo("task");
        assertThat(created.getString("status")).isEqualTo("working");
        assertThat(created.containsKey("result")).as("the result lives on tasks/get").isFalse();
        JsonObject task = settledTask(person, created.getString("taskId"), follows);
        assertThat(task.getString("status")).as(task.toString()).isEqualTo("completed");
        assertThat(task.getJsonObject("result").getBoolean("isError")).isFalse();
        assertThat(task.getJsonObject("result").getJsonObject("structuredContent").getJsonObject("run").getString("final_text"))
                .isEqualTo("Digest done.");
        assertThat(structured(person.callTool("get_run", "{\"run_id\":\"" + task.getString("taskId") + "\"}")).getJsonObject("run")
                .getString("status")).as("the task is the run").isEqualTo("completed");

        ModernMcp stranger = new ModernMcp(server, signIn.tokensFor(email("task-stranger")).accessToken());
        JsonObject foreign = ModernMcp.json(stranger.request("tasks/get", "{\"taskId\":\"" + task.getString("taskId") + "\"}", follows));
        assertThat(foreign.getJsonObject("error").getInt("code")).as("another org's task does not exist for them").isEqualTo(-32602);
        assertThat(foreign.toString()).doesNotContain("Digest done.");

        structured(callApproving(person, "create_agent", "{\"name\":\"Slow\",\"instructions\":\"Think.\",\"tools\":[\"remember\"],"
                + "\"model\":\"claude-haiku-slow\"}"));
        String slow = ModernMcp.json(person.request("tools/call", "{\"name\":\"update_agent\",\"arguments\":"
                + "{\"agent\":\"Slow\",\"action\":\"run_now\"}}", follows)).getJsonObject("result").getString("taskId");
        Thread.sleep(1_500);
        JsonObject ack = ModernMcp.json(person.request("tasks/cancel", "{\"taskId\":\"" + slow + "\"}", follows)).getJsonObject("result");
        assertThat(ack.getString("resultType")).isEqualTo("complete");
        assertThat(ack.containsKey("taskId")).isFalse();
        JsonObject cancelled = settledTask(person, slow, follows);
        assertThat(cancelled.getString("status")).as(cancelled.toString()).isEqualTo("cancelled");
        assertThat(structured(person.callTool("get_run", "{\"run_id\":\"" + slow + "\"}")).getJsonObject("run").getString("status"))
                .isEqualTo("cancelled");
    }

    private static JsonObject settledTask(ModernMcp person, String taskId, String capabilities) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonObject task = ModernMcp.json(person.request("tasks/get", "{\"taskId\":\"" + taskId + "\"}", capabilities)).getJsonObject("result");
        while (task.getString("status").equals("working") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            task = ModernMcp.json(person.request("tasks/get", "{\"taskId\":\"" + taskId + "\"}", capabilities)).getJsonObject("result");
        }
        return task;
    }
}

package io.mcprospero.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.mcprospero.llm.Conversations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Anthropic adapter against a stand-in that speaks the Messages API ({@code POST /v1/messages}). */
class AnthropicMessagesTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String MODEL = "claude-sonnet-4-5";

    static final String TOOL_USE_ANSWER = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Let me look that up."},
                        {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":412,"output_tokens":57}}""";
    static final String TEXT_ANSWER = """
            {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"It is 18 degrees and sunny in Paris."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":498,"output_tokens":14}}""";

    private LanguageModel model(int maxRetries) {
        return model(maxRetries, Duration.ofSeconds(10));
    }

    private LanguageModel model(int maxRetries, Duration timeout) {
        return LanguageModels.configured(Conversations.settings("anthropic", MODEL, "sk-ant-test-key",
                api.baseUrl(), null, timeout, maxRetries), Conversations.FAST);
    }

    @Test
    void aToolUseConversationTakesTwoTurnsAndSendsTheToolResultBack() throws Exception {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(5).willReturn(okJson(TOOL_USE_ANSWER)));
        api.stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", com.github.tomakehurst
                        .wiremock.client.WireMock.equalTo("toolu_01A")))
                .willReturn(okJson(TEXT_ANSWER)));
        LanguageModel model = model(2);
        assertThat(model.provider()).isEqualTo("anthropic");

        ModelReply first = model.complete(Conversations.firstTurn(""));

        assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(first.content()).containsExactly(new TextBlock("Let me look that up."),
                new ToolUseBlock("toolu_01A", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(first.inputTokens()).isEqualTo(412);
        assertThat(first.outputTokens()).isEqualTo(57);
        assertThat(first.model()).isEqualTo("claude-sonnet-4-5-20250929");

        ModelReply second = model.complete(Conversations.secondTurn("", first));

        assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(second.text()).isEqualTo("It is 18 degrees and sunny in Paris.");
        assertThat(second.toolUses()).isEmpty();
        assertThat(second.inputTokens()).isEqualTo(498);
        assertThat(second.outputTokens()).isEqualTo(14);

        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")));
        assertThat(sent).hasSize(2);
        for (LoggedRequest request : sent) {
            // anthropic-java 3.x sends the API key as a bearer token
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-ant-test-key");
            assertThat(request.getHeader("anthropic-version")).isNotBlank();
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        JsonObject turn1 = json(sent.get(0).getBodyAsString());
        assertThat(turn1.getString("model")).isEqualTo(MODEL);
        assertThat(turn1.getInt("max_tokens")).isEqualTo(1024);
        assertThat(turn1.getString("system")).isEqualTo(Conversations.SYSTEM);
        assertThat(turn1.containsKey("stream")).isFalse();
        assertThat(turn1.getJsonArray("messages")).hasSize(1);
        JsonObject question = turn1.getJsonArray("messages").getJsonObject(0);
        assertThat(question.getString("role")).isEqualTo("user");
        assertThat(question.getJsonArray("content").getJsonObject(0).getString("type")).isEqualTo("text");
        assertThat(question.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo(Conversations.QUESTION);
        JsonObject tool = turn1.getJsonArray("tools").getJsonObject(0);
        assertThat(tool.getString("name")).isEqualTo("get_weather");
        assertThat(tool.getString("description")).isEqualTo("The current weather in a city.");
        assertThat(tool.getJsonObject("input_schema")).isEqualTo(json(Conversations.WEATHER.inputSchemaJson()));

        JsonObject turn2 = json(sent.get(1).getBodyAsString());
        assertThat(turn2.getJsonArray("messages")).hasSize(3);
        JsonObject assistant = turn2.getJsonArray("messages").getJsonObject(1);
        assertThat(assistant.getString("role")).isEqualTo("assistant");
        JsonObject toolUse = assistant.getJsonArray("content").getJsonObject(1);
        assertThat(toolUse.getString("type")).isEqualTo("tool_use");
        assertThat(toolUse.getString("id")).isEqualTo("toolu_01A");
        assertThat(toolUse.getString("name")).isEqualTo("get_weather");
        assertThat(toolUse.getJsonObject("input")).isEqualTo(json("{\"city\":\"Paris\"}"));
        JsonObject result = turn2.getJsonArray("messages").getJsonObject(2);
        assertThat(result.getString("role")).isEqualTo("user");
        JsonObject toolResult = result.getJsonArray("content").getJsonObject(0);
        assertThat(toolResult.getString("type")).isEqualTo("tool_result");
        assertThat(toolResult.getString("tool_use_id")).isEqualTo("toolu_01A");
        assertThat(toolResult.getString("content")).isEqualTo("18 degrees, sunny");
        assertThat(toolResult.containsKey("is_error")).isFalse();
        model.close();
    }

    @Test
    void aFailedToolIsSentAsAnErrorResult() throws Exception {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(okJson(TEXT_ANSWER)));
        ModelRequest request = new ModelRequest(MODEL, "", List.of(
                ModelMessage.user(Conversations.QUESTION),
                ModelMessage.assistant(List.of(new ToolUseBlock("toolu_9", "get_weather", "{\"city\":\"Paris\"}"))),
                ModelMessage.user(List.of(new ToolResultBlock("toolu_9", "the weather service is down", true)))),
                List.of(), 256);

        model(0).complete(request);

        JsonObject body = json(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages"))).get(0).getBodyAsString());
        assertThat(body.containsKey("system")).isFalse();
        assertThat(body.containsKey("tools")).isFalse();
        JsonObject toolResult = body.getJsonArray("messages").getJsonObject(2).getJsonArray("content").getJsonObject(0);
        assertThat(toolResult.getBoolean("is_error")).isTrue();
        assertThat(toolResult.getString("content")).isEqualTo("the weather service is down");
    }

    @Test
    void aRateLimitIsRetriedAndThenAnswered() throws Exception {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}"))
                .willSetStateTo("answered"));
        api.stubFor(post(urlPathEqualTo("/v1/messages")).inScenario("429").whenScenarioStateIs("answered")
                .willReturn(okJson(TEXT_ANSWER)));

        long start = System.nanoTime();
        ModelReply reply = model(2).complete(Conversations.firstTurn(MODEL));

        assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(2);
        // Retry-After: 1 was honoured up to the test backoff's cap of 50 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rateLimitedEveryTimeIsARetryableFailureThatSaysSo() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limited\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(2).complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.reason()).startsWith("The model provider (anthropic) answered 429 (rate limited) 3 times")
                .contains("mcprospero.llm.max-retries=2").contains("Rate limited");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(3);
    }

    @Test
    void serverErrorsAreRetriedMaxRetriesTimesThenFailRetryably() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(3).complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(4);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(4);
        assertThat(failure.reason()).startsWith("The model provider (anthropic) answered 500 (server error) 4 times");
    }

    @Test
    void overloadedAnswersAreRetriedToo() throws Exception {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).inScenario("529").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .willSetStateTo("answered"));
        api.stubFor(post(urlPathEqualTo("/v1/messages")).inScenario("529").whenScenarioStateIs("answered")
                .willReturn(okJson(TEXT_ANSWER)));

        assertThat(model(1).complete(Conversations.firstTurn(MODEL)).stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(2);
    }

    @Test
    void aWrongApiKeyIsRefusedAtOnce() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(3).complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.reason()).isEqualTo("The model provider (anthropic) refused the request with 401 "
                + "(unauthorized): invalid x-api-key. Check the API key (mcprospero.llm.api-key).");
        assertThat(failure.reason()).doesNotContain("sk-ant-test-key");
    }

    @Test
    void anUnknownModelIsRefusedNamingTheModelSetting() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"model: claude-nope\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(3).complete(Conversations.firstTurn("claude-nope")), ModelFailure.class);

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.reason()).contains("404 (not found): model: claude-nope")
                .contains("mcprospero.llm.model, now claude-nope");
    }

    @Test
    void anUnparseableAnswerIsMalformed() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"msg_01\",\"content\":[{\"type\":")));

        ModelFailure failure = catchThrowableOfType(() -> model(3).complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).startsWith("The model provider (anthropic) answered something that is not a "
                + "Messages API response.");
    }

    @Test
    void jsonThatIsNoMessageIsMalformedToo() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(okJson("{\"hello\":\"world\"}")));

        ModelFailure failure = catchThrowableOfType(() -> model(3).complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
    }

    @Test
    void aSlowProviderTimesOutAndIsRetried() {
        api.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(okJson(TEXT_ANSWER).withFixedDelay(1500)));

        ModelFailure failure = catchThrowableOfType(() -> model(1, Duration.ofMillis(300))
                .complete(Conversations.firstTurn(MODEL)), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.reason()).startsWith("The model provider (anthropic) did not answer within PT0.3S twice");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/v1/messages")))).hasSize(2);
    }

    @Test
    void withoutAModelNothingIsSent() {
        LanguageModel model = LanguageModels.configured(Conversations.settings("anthropic", null, "sk-ant-test-key",
                api.baseUrl(), null, Duration.ofSeconds(5), 2), Conversations.FAST);

        ModelFailure failure = catchThrowableOfType(() -> model.complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
        assertThat(failure.reason()).contains("mcprospero.llm.model");
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}

package io.mcprospero.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAI-compatible adapter against a stand-in that answers {@code POST /v1/chat/completions} as Ollama's and
 * vLLM's OpenAI-compatible endpoints do (function tools, {@code tool_calls}, {@code role: tool} results).
 */
class OpenAiChatCompletionsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String MODEL = "llama3.1:8b";
    static final String PATH = "/v1/chat/completions";

    static final String TOOL_CALL_ANSWER = """
            {"id":"chatcmpl-123","object":"chat.completion","created":1764851000,"model":"llama3.1:8b",
             "system_fingerprint":"fp_ollama",
             "choices":[{"index":0,"message":{"role":"assistant","content":"",
               "tool_calls":[{"id":"call_w1","index":0,"type":"function",
                 "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
               "finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":182,"completion_tokens":21,"total_tokens":203}}""";
    static final String TEXT_ANSWER = """
            {"id":"chatcmpl-124","object":"chat.completion","created":1764851002,"model":"llama3.1:8b",
             "system_fingerprint":"fp_ollama",
             "choices":[{"index":0,"message":{"role":"assistant","content":"It is 18 degrees and sunny in Paris."},
               "finish_reason":"stop"}],
             "usage":{"prompt_tokens":230,"completion_tokens":12,"total_tokens":242}}""";

    private LanguageModel model(String apiKey, int maxRetries) {
        return LanguageModels.configured(Conversations.settings("openai", MODEL, apiKey, server.baseUrl() + "/v1", null,
                Duration.ofSeconds(10), maxRetries), Conversations.FAST);
    }

    @Test
    void aToolUseConversationTakesTwoTurnsAndSendsTheToolResultAsAToolMessage() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).willReturn(okJson(TOOL_CALL_ANSWER)));
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[3].tool_call_id", equalTo("call_w1")))
                .willReturn(okJson(TEXT_ANSWER)));
        LanguageModel model = model("sk-local-test", 2);
        assertThat(model.provider()).isEqualTo("openai");

        ModelReply first = model.complete(Conversations.firstTurn(""));

        assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(first.content()).as("the empty content is no text block")
                .containsExactly(new ToolUseBlock("call_w1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(first.inputTokens()).isEqualTo(182);
        assertThat(first.outputTokens()).isEqualTo(21);
        assertThat(first.model()).isEqualTo(MODEL);

        ModelReply second = model.complete(Conversations.secondTurn("", first));

        assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(second.content()).containsExactly(new TextBlock("It is 18 degrees and sunny in Paris."));
        assertThat(second.inputTokens()).isEqualTo(230);
        assertThat(second.outputTokens()).isEqualTo(12);

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(sent).hasSize(2);
        for (LoggedRequest request : sent) {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-local-test");
        }
        JsonObject turn1 = json(sent.get(0).getBodyAsString());
        assertThat(turn1.getString("model")).isEqualTo(MODEL);
        assertThat(turn1.getInt("max_tokens")).isEqualTo(1024);
        assertThat(turn1.containsKey("stream")).isFalse();
        JsonArray messages1 = turn1.getJsonArray("messages");
        assertThat(messages1).hasSize(2);
        assertThat(messages1.getJsonObject(0).getString("role")).isEqualTo("system");
        assertThat(messages1.getJsonObject(0).getString("content")).isEqualTo(Conversations.SYSTEM);
        assertThat(messages1.getJsonObject(1).getString("role")).isEqualTo("user");
        assertThat(messages1.getJsonObject(1).getString("content")).isEqualTo(Conversations.QUESTION);
        JsonObject tool = turn1.getJsonArray("tools").getJsonObject(0);
        assertThat(tool.getString("type")).isEqualTo("function");
        assertThat(tool.getJsonObject("function").getString("name")).isEqualTo("get_weather");
        assertThat(tool.getJsonObject("function").getString("description")).isEqualTo("The current weather in a city.");
        assertThat(tool.getJsonObject("function").getJsonObject("parameters"))
                .isEqualTo(json(Conversations.WEATHER.inputSchemaJson()));

        JsonArray messages2 = json(sent.get(1).getBodyAsString()).getJsonArray("messages");
        assertThat(messages2).hasSize(4);
        JsonObject assistant = messages2.getJsonObject(2);
        assertThat(assistant.getString("role")).isEqualTo("assistant");
        assertThat(assistant.containsKey("content")).as("no text, so no content").isFalse();
        JsonObject call = assistant.getJsonArray("tool_calls").getJsonObject(0);
        assertThat(call.getString("id")).isEqualTo("call_w1");
        assertThat(call.getString("type")).isEqualTo("function");
        assertThat(call.getJsonObject("function").getString("name")).isEqualTo("get_weather");
        assertThat(json(call.getJsonObject("function").getString("arguments"))).isEqualTo(json("{\"city\":\"Paris\"}"));
        JsonObject result = messages2.getJsonObject(3);
        assertThat(result.getString("role")).isEqualTo("tool");
        assertThat(result.getString("tool_call_id")).isEqualTo("call_w1");
        assertThat(result.getString("content")).isEqualTo("18 degrees, sunny");
    }

    @Test
    void withoutAnApiKeyNoAuthorizationIsSent() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(TEXT_ANSWER)));

        model(null, 0).complete(Conversations.firstTurn(""));

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0).containsHeader("Authorization")).isFalse();
    }

    @Test
    void toolCallsAnsweredWithStopStillAskForTools() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(TOOL_CALL_ANSWER.replace("\"tool_calls\"}", "\"stop\"}"))));

        ModelReply reply = model(null, 0).complete(Conversations.firstTurn(""));

        assertThat(reply.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void aFailedToolIsMarkedInTheToolMessage() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(TEXT_ANSWER)));
        ModelRequest request = new ModelRequest("", "", List.of(
                ModelMessage.user(Conversations.QUESTION),
                ModelMessage.assistant(List.of(new TextBlock("Checking."),
                        new ToolUseBlock("call_9", "get_weather", "{\"city\":\"Paris\"}"))),
                ModelMessage.user(List.of(new ToolResultBlock("call_9", "the weather service is down", true),
                        new TextBlock("Try again please.")))),
                List.of(), 256);

        model(null, 0).complete(request);

        JsonArray messages = json(server.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0).getBodyAsString())
                .getJsonArray("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.getJsonObject(1).getString("content")).isEqualTo("Checking.");
        assertThat(messages.getJsonObject(2).getString("role")).isEqualTo("tool");
        assertThat(messages.getJsonObject(2).getString("content")).isEqualTo("Error: the weather service is down");
        assertThat(messages.getJsonObject(3).getString("role")).isEqualTo("user");
        assertThat(messages.getJsonObject(3).getString("content")).isEqualTo("Try again please.");
    }

    @Test
    void aRateLimitIsRetriedAndThenAnswered() throws Exception {
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("answered"));
        server.stubFor(post(urlPathEqualTo(PATH)).inScenario("429").whenScenarioStateIs("answered")
                .willReturn(okJson(TEXT_ANSWER)));

        ModelReply reply = model(null, 2).complete(Conversations.firstTurn(""));

        assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedMaxRetriesTimesThenFailRetryably() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"llama runner process has terminated\",\"type\":\"api_error\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(null, 2).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(3);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.reason()).isEqualTo("The model provider (openai) answered 500 (server error) 3 times "
                + "(mcprospero.llm.max-retries=2): llama runner process has terminated. The provider may be down or "
                + "overloaded; try again later.");
    }

    @Test
    void aWrongApiKeyIsRefusedAtOnce() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"error\",\"message\":\"Unauthorized\",\"type\":\"Unauthorized\",\"code\":401}")));

        ModelFailure failure = catchThrowableOfType(() -> model("sk-wrong", 3).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).isEqualTo("The model provider (openai) refused the request with 401 "
                + "(unauthorized): Unauthorized. Check the API key (mcprospero.llm.api-key).");
    }

    @Test
    void aModelThatIsNotPulledIsRefusedNamingTheModel() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"model \\\"llama3.1:8b\\\" not found, try pulling it first\",\"type\":\"api_error\"}}")));

        ModelFailure failure = catchThrowableOfType(() -> model(null, 3).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.reason()).contains("404 (not found): model \"llama3.1:8b\" not found, try pulling it first")
                .contains("mcprospero.llm.model, now llama3.1:8b");
    }

    @Test
    void anUnparseableAnswerIsMalformed() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[{\"message\":")));

        ModelFailure failure = catchThrowableOfType(() -> model(null, 3).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
        assertThat(failure.reason()).startsWith("The model provider (openai) answered something that is not a chat completion.");
    }

    @Test
    void anAnswerWithoutChoicesIsMalformed() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"x\",\"object\":\"chat.completion\","
                + "\"created\":1,\"model\":\"llama3.1:8b\",\"choices\":[]}")));

        ModelFailure failure = catchThrowableOfType(() -> model(null, 3).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
    }

    @Test
    void anUnreachableServerIsUnavailableAfterTheRetries() {
        LanguageModel model = LanguageModels.configured(Conversations.settings("openai", MODEL, null,
                "http://127.0.0.1:9/v1", null, Duration.ofSeconds(5), 1), Conversations.FAST);

        ModelFailure failure = catchThrowableOfType(() -> model.complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.reason()).startsWith("The model provider (openai) could not be reached (ConnectException")
                .contains("twice").contains("mcprospero.llm.base-url");
    }
}

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
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bedrock adapter against a stand-in for Bedrock's InvokeModel ({@code POST /model/{modelId}/invoke}): the
 * anthropic-java Bedrock backend takes the model out of the body into the path, puts the API version into the body
 * as {@code anthropic_version}, and signs with SigV4 for the service {@code bedrock}. The answer is Anthropic's
 * Messages API response body. Static test credentials come from the AWS SDK's system properties.
 */
class BedrockMessagesTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String INVOKE = "/model/" + MODEL + "/invoke";

    @BeforeAll
    static void testCredentials() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLETEST");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private LanguageModel model(int maxRetries) {
        return LanguageModels.configured(Conversations.settings("bedrock", MODEL, null, bedrock.baseUrl(), "eu-west-3",
                Duration.ofSeconds(10), maxRetries), Conversations.FAST);
    }

    @Test
    void aToolUseConversationTakesTwoTurnsThroughInvokeModel() throws Exception {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).atPriority(5)
                .willReturn(okJson(AnthropicMessagesTest.TOOL_USE_ANSWER)));
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", equalTo("toolu_01A")))
                .willReturn(okJson(AnthropicMessagesTest.TEXT_ANSWER)));
        LanguageModel model = model(2);
        assertThat(model.provider()).isEqualTo("bedrock");

        ModelReply first = model.complete(Conversations.firstTurn(""));

        assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(first.toolUses()).containsExactly(new ToolUseBlock("toolu_01A", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(first.inputTokens()).isEqualTo(412);
        assertThat(first.outputTokens()).isEqualTo(57);

        ModelReply second = model.complete(Conversations.secondTurn("", first));

        assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(second.text()).isEqualTo("It is 18 degrees and sunny in Paris.");
        assertThat(second.outputTokens()).isEqualTo(14);

        List<LoggedRequest> sent = bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)));
        assertThat(sent).hasSize(2);
        for (LoggedRequest request : sent) {
            // SigV4 with the test credentials, for eu-west-3 and the signing name "bedrock"
            assertThat(request.getHeader("Authorization")).matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/"
                    + "\\d{8}/eu-west-3/bedrock/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}");
            assertThat(request.getHeader("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
            assertThat(request.containsHeader("anthropic-version")).isFalse();
            assertThat(request.containsHeader("x-api-key")).isFalse();
        }
        JsonObject turn1 = json(sent.get(0).getBodyAsString());
        assertThat(turn1.containsKey("model")).as("the model is in the path").isFalse();
        assertThat(turn1.containsKey("stream")).isFalse();
        assertThat(turn1.getString("anthropic_version")).isEqualTo("bedrock-2023-05-31");
        assertThat(turn1.getString("system")).isEqualTo(Conversations.SYSTEM);
        assertThat(turn1.getInt("max_tokens")).isEqualTo(1024);
        assertThat(turn1.getJsonArray("tools").getJsonObject(0).getString("name")).isEqualTo("get_weather");
        assertThat(turn1.getJsonArray("tools").getJsonObject(0).getJsonObject("input_schema"))
                .isEqualTo(json(Conversations.WEATHER.inputSchemaJson()));

        JsonObject turn2 = json(sent.get(1).getBodyAsString());
        JsonObject toolUse = turn2.getJsonArray("messages").getJsonObject(1).getJsonArray("content").getJsonObject(1);
        assertThat(toolUse.getString("id")).isEqualTo("toolu_01A");
        assertThat(toolUse.getJsonObject("input")).isEqualTo(json("{\"city\":\"Paris\"}"));
        JsonObject toolResult = turn2.getJsonArray("messages").getJsonObject(2).getJsonArray("content").getJsonObject(0);
        assertThat(toolResult.getString("type")).isEqualTo("tool_result");
        assertThat(toolResult.getString("tool_use_id")).isEqualTo("toolu_01A");
        assertThat(toolResult.getString("content")).isEqualTo("18 degrees, sunny");
    }

    @Test
    void throttlingIsRetriedAndThenAnswered() throws Exception {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "ThrottlingException")
                        .withBody("{\"message\":\"Too many requests, please wait before trying again.\"}"))
                .willSetStateTo("answered"));
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).inScenario("429").whenScenarioStateIs("answered")
                .willReturn(okJson(AnthropicMessagesTest.TEXT_ANSWER)));

        ModelReply reply = model(2).complete(Conversations.firstTurn(""));

        assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedMaxRetriesTimesThenFailRetryably() {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "ServiceUnavailableException")
                .withBody("{\"message\":\"Bedrock is unable to process your request.\"}")));

        ModelFailure failure = catchThrowableOfType(() -> model(2).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(3);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.reason()).startsWith("The model provider (bedrock) answered 503 (server error) 3 times "
                + "(mcprospero.llm.max-retries=2): Bedrock is unable to process your request.");
    }

    @Test
    void deniedAccessIsRefusedAtOnce() {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"You don't have access to the model with the specified model ID.\"}")));

        ModelFailure failure = catchThrowableOfType(() -> model(2).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.reason()).startsWith("The model provider (bedrock) refused the request with 403 (forbidden): "
                + "You don't have access to the model with the specified model ID. Check that the AWS credentials")
                .contains(MODEL);
    }

    @Test
    void badCredentialsAreRefusedAtOnce() {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The security token included in the request is invalid.\"}")));

        ModelFailure failure = catchThrowableOfType(() -> model(2).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
        assertThat(failure.reason()).contains("401 (unauthorized)").contains("the AWS credentials")
                .doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void anUnparseableAnswerIsMalformed() {
        bedrock.stubFor(post(urlPathEqualTo(INVOKE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>not json</html>")));

        ModelFailure failure = catchThrowableOfType(() -> model(2).complete(Conversations.firstTurn("")), ModelFailure.class);

        assertThat(bedrock.findAll(postRequestedFor(urlPathEqualTo(INVOKE)))).hasSize(1);
        assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
        assertThat(failure.reason()).contains("a Bedrock runtime endpoint");
    }
}

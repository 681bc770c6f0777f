package io.mcprospero.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model provider is configuration only: the same agent, created and run the same way, on Anthropic models on
 * Amazon Bedrock (the Bedrock client signs with AWS credentials from the environment) and on an OpenAI-compatible
 * chat completions server (as Ollama serves it), each stood in by a local server speaking its wire format.
 */
class AgentProvidersIT {

    private static final String BEDROCK_MODEL = "eu.anthropic.claude-haiku-4-5-20251001-v1:0";
    private static final String INVOKE = "/model/" + BEDROCK_MODEL + "/invoke";
    private static WireMockServer standIn;
    private static ServerUnderTest server;

    @BeforeAll
    static void standIns() {
        standIn = new WireMockServer(options().dynamicPort());
        standIn.start();
        String toolUse = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"remember\",\"input\":{\"note\":\"seen\"}}],"
                + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"output_tokens\":20}}";
        String done = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Done on Bedrock.\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":150,\"output_tokens\":5}}";
        standIn.stubFor(post(urlPathEqualTo(INVOKE)).atPriority(2).willReturn(json(toolUse)));
        standIn.stubFor(post(urlPathEqualTo(INVOKE)).atPriority(1).withRequestBody(containing("tool_result")).willReturn(json(done)));
        standIn.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(2).willReturn(json("{\"id\":\"chatcmpl-1\","
                + "\"object\":\"chat.completion\",\"created\":1796390000,\"model\":\"llama3.1\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"remember\",\"arguments\":\"{\\\"note\\\":\\\"seen\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":15,\"total_tokens\":105}}")));
        standIn.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1).withRequestBody(containing("\"role\":\"tool\""))
                .willReturn(json("{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1796390001,\"model\":\"llama3.1\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done on Ollama.\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":4,\"total_tokens\":124}}")));

        Map<String, String> environment = new HashMap<>(ServerUnderTest.onFreshDatabase(ServerUnderTest.database("providers")));
        environment.putAll(Map.of(
                "MCPROSPERO_SIGNUP_OPEN", "true",
                "MCPROSPERO_LLM_PROVIDER", "bedrock",
                "MCPROSPERO_LLM_MODEL", BEDROCK_MODEL,
                "MCPROSPERO_LLM_REGION", "eu-west-3",
                "MCPROSPERO_LLM_BASE_URL", standIn.baseUrl(),
                "AWS_ACCESS_KEY_ID", "AKIDSTANDINEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "stand-in-secret-key-example"));
        server = ServerUnderTest.start("providers", environment);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (standIn != null) {
            standIn.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("content-type", "application/json").withBody(body);
    }

    @Test
    void theSameAgentRunsOnBedrockAndOnAnOpenAiCompatibleServerByConfigurationOnly() throws Exception {
        JsonObject onBedrock = createAndRunNow("bedrock");
        assertThat(onBedrock.getString("status")).as(onBedrock.toString()).isEqualTo("completed");
        assertThat(onBedrock.getString("final_text")).isEqualTo("Done on Bedrock.");
        assertThat(onBedrock.getInt("tool_calls")).isEqualTo(1);
        standIn.verify(postRequestedFor(urlPathEqualTo(INVOKE))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDSTANDINEXAMPLE/\\d{8}/eu-west-3/bedrock/aws4_request.*")));

        server.restartWith(Map.of(
                "MCPROSPERO_LLM_PROVIDER", "openai",
                "MCPROSPERO_LLM_MODEL", "llama3.1",
                "MCPROSPERO_LLM_BASE_URL", standIn.baseUrl() + "/v1"));

        JsonObject onOllama = createAndRunNow("openai");
        assertThat(onOllama.getString("status")).as(onOllama.toString()).isEqualTo("completed");
        assertThat(onOllama.getString("final_text")).isEqualTo("Done on Ollama.");
        assertThat(onOllama.getJsonNumber("units").longValue()).isEqualTo(90 + 15 + 120 + 4);
        standIn.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("\"name\":\"remember\"")));
    }

    private static JsonObject createAndRunNow(String provider) throws InterruptedException {
        LocalSignIn signIn = new LocalSignIn(server);
        ModernMcp person = new ModernMcp(server, signIn.tokensFor(provider + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .accessToken());
        String elicits = "{\"elicitation\":{}}";
        String arguments = "{\"name\":\"On " + provider + "\",\"instructions\":\"Note what you saw.\",\"tools\":[\"remember\"]}";
        JsonObject first = ModernMcp.json(person.request("tools/call", "{\"name\":\"create_agent\",\"arguments\":" + arguments + "}", elicits))
                .getJsonObject("result");
        ModernMcp.json(person.request("tools/call", "{\"name\":\"create_agent\",\"arguments\":" + arguments
                + ",\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}},\"requestState\":\""
                + first.getString("requestState") + "\"}", elicits));
        String runId = person.callTool("update_agent", "{\"agent\":\"On " + provider + "\",\"action\":\"run_now\"}")
                .getJsonObject("result").getJsonObject("structuredContent").getString("run_id");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonObject run;
        do {
            Thread.sleep(500);
            run = person.callTool("get_run", "{\"run_id\":\"" + runId + "\"}").getJsonObject("result").getJsonObject("structuredContent")
                    .getJsonObject("run");
        } while (run.getString("status").equals("running") && Instant.now().isBefore(deadline));
        return run;
    }
}

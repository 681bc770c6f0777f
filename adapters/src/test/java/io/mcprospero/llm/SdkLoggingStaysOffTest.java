package io.mcprospero.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Surefire sets ANTHROPIC_LOG=debug and OPENAI_LOG=debug, which make the SDKs print every request and response to
 * standard error by default. The adapters set the level themselves, so neither a prompt, a completion nor a key is
 * printed.
 */
class SdkLoggingStaysOffTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void neitherSdkPrintsTheConversation() throws Exception {
        assertThat(System.getenv("ANTHROPIC_LOG")).as("set by surefire").isEqualTo("debug");
        server.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(okJson(AnthropicMessagesTest.TEXT_ANSWER)));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(OpenAiChatCompletionsTest.TEXT_ANSWER)));
        LanguageModel anthropic = LanguageModels.configured(Conversations.settings("anthropic", "claude-sonnet-4-5",
                "sk-ant-secret", server.baseUrl(), null, Duration.ofSeconds(5), 0), Conversations.FAST);
        LanguageModel openai = LanguageModels.configured(Conversations.settings("openai", "llama3.1", "sk-secret",
                server.baseUrl() + "/v1", null, Duration.ofSeconds(5), 0), Conversations.FAST);

        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            anthropic.complete(Conversations.firstTurn(""));
            openai.complete(Conversations.firstTurn(""));
        } finally {
            System.setErr(err);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).doesNotContain(Conversations.QUESTION).doesNotContain("sunny in Paris")
                .doesNotContain("secret").doesNotContain("/v1/");
    }
}

package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.whatsapp.WhatsApp;
import io.mcprospero.integrations.whatsapp.WhatsAppCloudApi;
import io.mcprospero.integrations.whatsapp.WhatsAppSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WhatsApp Cloud API adapter against a stand-in of {@code POST /{phone-number-id}/messages} and Graph's error object. */
class WhatsAppCloudApiTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SENT = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"4915112345678\",\"wa_id\":\"4915112345678\"}],"
            + "\"messages\":[{\"id\":\"wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA\"}]}";

    private WhatsApp whatsApp() {
        return new WhatsAppCloudApi(new WhatsAppSettings("106540352242922", "EAAJB-platform", graph.baseUrl() + "/v21.0"));
    }

    @Test
    void aTextInsideTheWindowIsSentToTheNumberWithoutItsPlus() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/106540352242922/messages")).willReturn(okJson(SENT)));

        String id = whatsApp().sendText("+4915112345678", "Your digest is ready");

        assertThat(id).startsWith("wamid.");
        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/106540352242922/messages")).withHeader("Authorization", equalTo("Bearer EAAJB-platform"))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("4915112345678")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Your digest is ready"))));
    }

    @Test
    void aTemplateCarriesItsLanguageAndBodyParameters() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/106540352242922/messages")).willReturn(okJson(SENT)));

        whatsApp().sendTemplate("+4915112345678", "daily_digest", "en_US", List.of("3 new mails"));

        graph.verify(postRequestedFor(urlPathEqualTo("/v21.0/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("daily_digest")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("3 new mails"))));
    }

    @Test
    void freeTextOutsideThe24HourWindowSaysToUseATemplate() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/106540352242922/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"(#131047) Re-engagement message\","
                        + "\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed "
                        + "to send because more than 24 hours have passed since the customer last replied to this number.\"},\"fbtrace_id\":\"AbC\"}}")));

        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> whatsApp().sendText("+4915112345678", "hi"));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.REFUSED);
        assertThat(failure.getMessage()).contains("24 hours").contains("template");
    }

    @Test
    void aRefusedPlatformTokenNamesTheSetting() {
        graph.stubFor(post(urlPathEqualTo("/v21.0/106540352242922/messages")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"X\"}}")));

        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> whatsApp().sendText("+4915112345678", "hi"));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.RECONNECT);
        assertThat(failure.getMessage()).contains("mcprospero.tools.whatsapp.access-token");
    }
}

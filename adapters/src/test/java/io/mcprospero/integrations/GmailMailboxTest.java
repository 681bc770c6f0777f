package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.sdk.GmailMailbox;
import io.mcprospero.integrations.gmail.Mail;
import io.mcprospero.integrations.gmail.MailSummary;
import io.mcprospero.integrations.gmail.OutgoingMail;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Gmail adapter (Google's Gmail client) against a stand-in of users.messages list, get and send. */
class GmailMailboxTest {

    @RegisterExtension
    static WireMockExtension gmail = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static String b64(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSearchListsTheMessagesWithSenderSubjectAndSnippet() {
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages")).withQueryParam("q", equalTo("in:inbox newer_than:1d"))
                .withHeader("Authorization", equalTo("Bearer ya29.token"))
                .willReturn(okJson("{\"messages\":[{\"id\":\"18c1\",\"threadId\":\"t1\"}],\"resultSizeEstimate\":1}")));
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages/18c1")).withQueryParam("format", equalTo("metadata"))
                .willReturn(okJson("{\"id\":\"18c1\",\"threadId\":\"t1\",\"snippet\":\"The Q3 numbers are in\",\"payload\":{\"headers\":["
                        + "{\"name\":\"From\",\"value\":\"Bob <bob@example.com>\"},{\"name\":\"Subject\",\"value\":\"Q3\"},"
                        + "{\"name\":\"Date\",\"value\":\"Thu, 3 Dec 2026 17:00:00 +0100\"}]}}")));

        List<MailSummary> found = GmailMailbox.of(gmail.baseUrl(), "ya29.token").search("in:inbox newer_than:1d", 10);

        assertThat(found).containsExactly(new MailSummary("18c1", "t1", "Bob <bob@example.com>", "Q3", "Thu, 3 Dec 2026 17:00:00 +0100",
                "The Q3 numbers are in"));
    }

    @Test
    void readingFindsThePlainTextPartOfAMultipartMessage() {
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages/18c1")).withQueryParam("format", equalTo("full"))
                .willReturn(okJson("{\"id\":\"18c1\",\"threadId\":\"t1\",\"snippet\":\"s\",\"payload\":{\"mimeType\":\"multipart/alternative\","
                        + "\"headers\":[{\"name\":\"From\",\"value\":\"bob@example.com\"},{\"name\":\"To\",\"value\":\"ada@example.com, eve@example.com\"},"
                        + "{\"name\":\"Subject\",\"value\":\"Q3\"}],\"parts\":[{\"mimeType\":\"text/plain\",\"body\":{\"size\":9,\"data\":\""
                        + b64("Numbers: 42 ünits") + "\"}},{\"mimeType\":\"text/html\",\"body\":{\"data\":\"" + b64("<b>x</b>") + "\"}}]}}")));

        Mail mail = GmailMailbox.of(gmail.baseUrl(), "ya29.token").read("18c1");

        assertThat(mail.body()).isEqualTo("Numbers: 42 ünits");
        assertThat(mail.to()).containsExactly("ada@example.com", "eve@example.com");
        assertThat(mail.subject()).isEqualTo("Q3");
    }

    @Test
    void sendingPostsAnRfc5322MessageAsBase64Url() {
        gmail.stubFor(post(urlPathEqualTo("/gmail/v1/users/me/messages/send")).willReturn(okJson("{\"id\":\"sent-1\",\"threadId\":\"t9\",\"labelIds\":[\"SENT\"]}")));

        String id = GmailMailbox.of(gmail.baseUrl(), "ya29.token").send(new OutgoingMail(List.of("ada@example.com"), List.of(), "Digest", "Hello"));

        assertThat(id).isEqualTo("sent-1");
        String body = gmail.findAll(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/messages/send"))).get(0).getBodyAsString();
        String raw = new String(Base64.getUrlDecoder().decode(Json.createReader(new StringReader(body)).readObject().getString("raw")), StandardCharsets.US_ASCII);
        assertThat(raw).startsWith("To: ada@example.com\r\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("Digest".getBytes(StandardCharsets.UTF_8)))
                .contains("Content-Type: text/plain; charset=UTF-8").endsWith(Base64.getEncoder().encodeToString("Hello".getBytes(StandardCharsets.UTF_8)) + "\r\n");
    }

    @Test
    void aLineBreakInAnAddressIsRefusedBeforeAnythingIsSent() {
        IntegrationFailure failure = catchThrowableOfType(IntegrationFailure.class, () -> GmailMailbox.of(gmail.baseUrl(), "t")
                .send(new OutgoingMail(List.of("ada@example.com\r\nBcc: eve@example.net"), List.of(), "s", "b")));

        assertThat(failure.kind()).isEqualTo(IntegrationFailure.Kind.REFUSED);
        assertThat(gmail.getAllServeEvents()).isEmpty();
    }

    @Test
    void anExpiredTokenIsUnauthorizedAndAMissingMessageRefused() {
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages/old")).withHeader("Authorization", equalTo("Bearer expired"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":401,"
                        + "\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages/nope")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
                        + "\"errors\":[{\"message\":\"Requested entity was not found.\",\"domain\":\"global\",\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}")));

        IntegrationFailure expired = catchThrowableOfType(IntegrationFailure.class, () -> GmailMailbox.of(gmail.baseUrl(), "expired").read("old"));
        IntegrationFailure missing = catchThrowableOfType(IntegrationFailure.class, () -> GmailMailbox.of(gmail.baseUrl(), "t").read("nope"));

        assertThat(expired.kind()).isEqualTo(IntegrationFailure.Kind.UNAUTHORIZED);
        assertThat(missing.kind()).isEqualTo(IntegrationFailure.Kind.REFUSED);
        assertThat(missing.getMessage()).isEqualTo("Gmail refused the request (HTTP 404: Requested entity was not found.)");
    }
}

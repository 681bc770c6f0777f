package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.sdk.GmailMailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With every log level turned up, the Google HTTP client still logs no request or response: no token, no mail body. */
class GoogleWireLoggingStaysOffTest {

    @RegisterExtension
    static WireMockExtension gmail = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void readingAMessageLogsNeitherItsBodyNorTheToken() {
        gmail.stubFor(get(urlPathEqualTo("/gmail/v1/users/me/messages/m1")).willReturn(okJson("{\"id\":\"m1\",\"payload\":{\"mimeType\":"
                + "\"text/plain\",\"body\":{\"data\":\"" + GmailMailboxTest.b64("the secret body") + "\"}}}")));
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try {
            assertThat(GmailMailbox.of(gmail.baseUrl(), "ya29.secret-token").read("m1").body()).isEqualTo("the secret body");
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }

        assertThat(String.join("\n", logged)).doesNotContain("secret").doesNotContain(GmailMailboxTest.b64("the secret body"));
    }
}

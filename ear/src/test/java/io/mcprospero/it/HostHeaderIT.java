package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a page under the attacker's name that resolves to this server is not served the sign-in pages. Only
 * the public URL's host and, in local mode, the loopback names are answered; the check comes before anything is stored.
 * Raw HTTP, because the JDK's client does not let a test choose the Host header.
 */
class HostHeaderIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void aForeignHostGetsNoSignInPageAndNoFlowCookie() throws IOException {
        String path = authorizePath();

        String answer = get(path, "rebind.attacker.example:" + server.port());

        assertThat(statusOf(answer)).isEqualTo(421);
        assertThat(answer).doesNotContainIgnoringCase("Set-Cookie").contains("is not this server");
    }

    @Test
    void aForeignHostCannotPostTheSignInForm() throws IOException {
        String body = "request=x&csrf=y&email=a%40example.com&access_code=" + ServerUnderTest.ACCESS_CODE;
        String answer = exchange("POST /oauth/sign-in HTTP/1.1\r\nHost: rebind.attacker.example:" + server.port()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(statusOf(answer)).isEqualTo(421);
    }

    @Test
    void everyOtherBrowserPageRefusesAForeignHostToo() throws IOException {
        // the connect link and its callback set the browser's state cookie; the approval page starts a sign-in (its flow cookie)
        for (String path : new String[] {"/connect/google?request=x", "/connect/slack/callback?state=s&code=c", "/agents/approve/x"}) {
            String answer = get(path, "rebind.attacker.example:" + server.port());
            assertThat(statusOf(answer)).as(path).isEqualTo(421);
            assertThat(answer).as(path).doesNotContainIgnoringCase("Set-Cookie");
        }
    }

    @Test
    void thePublicHostAndItsLoopbackAliasesAreServed() throws IOException {
        assertThat(statusOf(get(authorizePath(), "localhost:" + server.port()))).isEqualTo(200);
        assertThat(statusOf(get(authorizePath(), "127.0.0.1:" + server.port()))).isEqualTo(200);
    }

    private String authorizePath() {
        URI url = URI.create(signIn.authorizeUrl(signIn.register()));
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    private String get(String path, String host) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }
}

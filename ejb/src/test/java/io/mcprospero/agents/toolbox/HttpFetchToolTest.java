package io.mcprospero.agents.toolbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.net.HttpsStandIn;
import io.mcprospero.net.HttpsStandIn.Answer;
import io.mcprospero.support.Jsons;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** http_fetch reads text from the approved hosts only, through the guard, and tells the model plainly what it refused. */
class HttpFetchToolTest {

    private static HttpsStandIn standIn;
    private static HttpFetchTool tool;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = new HttpsStandIn(Path.of("target/http-fetch-stand-in"));
        tool = toolWith(4096);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Test
    void aPageOnAnAllowedHostIsReadAsText() {
        standIn.serve("/news", new Answer(200, Map.of("Content-Type", "text/plain; charset=ISO-8859-1"),
                "Grüße".getBytes(StandardCharsets.ISO_8859_1), false));

        String result = fetch("https://api.example.test/news", HttpsStandIn.HOST);

        assertThat(result).isEqualTo("HTTP 200, text/plain, 5 bytes\n\nGrüße");
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> fetch("https://evil.example.com/x", HttpsStandIn.HOST))
                .isInstanceOf(AgentToolError.class)
                .hasMessage("the host evil.example.com is not one this agent may reach; its allowed hosts are api.example.test "
                        + "(the person approves a change of them)");
    }

    @Test
    void loopbackPrivateAndMetadataAddressesAreRefusedEvenWhenAllowed() {
        assertThatThrownBy(() -> fetch("https://127.0.0.1/admin", "127.0.0.1")).hasMessageContaining("is a loopback address");
        assertThatThrownBy(() -> fetch("https://10.1.2.3/", "10.1.2.3")).hasMessageContaining("is a private address");
        assertThatThrownBy(() -> fetch("https://169.254.169.254/latest/meta-data", "169.254.169.254"))
                .hasMessageContaining("is a link-local address");
    }

    @Test
    void plainHttpOtherPortsAndCredentialsAreRefused() {
        assertThatThrownBy(() -> fetch("http://api.example.test/", HttpsStandIn.HOST)).hasMessageContaining("takes https URLs");
        assertThatThrownBy(() -> fetch("https://api.example.test:8443/", HttpsStandIn.HOST)).hasMessageContaining("port 443 only");
        assertThatThrownBy(() -> fetch("https://user:pw@api.example.test/", HttpsStandIn.HOST)).hasMessageContaining("no user name");
        assertThatThrownBy(() -> fetch("https://api.example.test/a b", HttpsStandIn.HOST)).hasMessageContaining("is not a valid URL");
    }

    @Test
    void aRedirectIsNotFollowedAndItsTargetIsNamed() {
        standIn.serve("/moved", new Answer(301, Map.of("Location", "https://elsewhere.example.com/"), new byte[0], false));

        assertThatThrownBy(() -> fetch("https://api.example.test/moved", HttpsStandIn.HOST))
                .hasMessageContaining("answered 301, a redirect to https://elsewhere.example.com/; redirects are not followed");
    }

    @Test
    void anErrorStatusBinaryContentAndOversizedBodiesAreRefused() {
        standIn.serve("/image", new Answer(200, Map.of("Content-Type", "image/png"), new byte[] {1, 2, 3}, false));
        standIn.serve("/big", Answer.text("text/plain", "x".repeat(5000)));
        standIn.serve("/big-chunked", new Answer(200, Map.of("Content-Type", "text/plain"), "x".repeat(5000).getBytes(StandardCharsets.UTF_8), true));

        assertThatThrownBy(() -> fetch("https://api.example.test/missing", HttpsStandIn.HOST)).hasMessageEndingWith("answered HTTP 404.");
        assertThatThrownBy(() -> fetch("https://api.example.test/image", HttpsStandIn.HOST)).hasMessageContaining("reads text only");
        assertThatThrownBy(() -> fetch("https://api.example.test/big", HttpsStandIn.HOST)).hasMessageContaining("larger than 4 KB");
        assertThatThrownBy(() -> fetch("https://api.example.test/big-chunked", HttpsStandIn.HOST)).hasMessageContaining("larger than 4 KB");
    }

    @Test
    void theManifestSaysWhatItReadsAndThatItsUrlsReachTheHosts() {
        AgentSpec spec = spec(List.of("api.example.test", "example.org"));

        assertThat(tool.reads(spec)).containsExactly("web pages and API answers from api.example.test, example.org (HTTPS GET)");
        assertThat(tool.sendsTo(spec)).containsExactly(
                "the URLs it requests (which may carry words in their path or query) to api.example.test, example.org");
    }

    private static String fetch(String url, String allowedHost) {
        return tool.call(new AgentToolCall("org", "agent", "run", "call-1", Jsons.object().add("url", url).build(), spec(List.of(allowedHost))));
    }

    private static AgentSpec spec(List<String> hosts) {
        return new AgentSpec("read the news", null, List.of("http_fetch"), hosts, List.of(), null, false, null, new AgentSpec.Limits(5, 1000, 5));
    }

    private static HttpFetchTool toolWith(int maxBytes) {
        return new HttpFetchTool(new HttpFetchSettings(maxBytes, Duration.ofSeconds(5), Optional.of(standIn.resolve()),
                Optional.of(standIn.trustStore()), Optional.of(HttpsStandIn.PASSWORD)));
    }
}

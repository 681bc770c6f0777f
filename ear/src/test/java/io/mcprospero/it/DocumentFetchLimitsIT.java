package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.CimdStandIn.Document;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anonymous requests make the server fetch Client ID Metadata Documents, so fetches are bounded per client address and
 * per document host, and a failed fetch's refusal is given again without fetching for a while. Its own server, with
 * low limits and the client address taken from X-Forwarded-For.
 */
class DocumentFetchLimitsIT {

    private static final int PER_ADDRESS = 2;
    private static final int PER_HOST = 6;
    private static ServerUnderTest server;
    private static CimdStandIn standIn;

    @BeforeAll
    static void start() {
        standIn = CimdStandIn.shared();
        Map<String, String> environment = new HashMap<>(ServerUnderTest.onFreshDatabase(ServerUnderTest.database("fetch_limits")));
        environment.putAll(standIn.serverEnvironment());
        environment.put("MCPROSPERO_HTTP_TRUST_FORWARDED_FOR", "true");
        environment.put("MCPROSPERO_OAUTH_CIMD_FETCH_RATE_PER_ADDRESS", String.valueOf(PER_ADDRESS));
        environment.put("MCPROSPERO_OAUTH_CIMD_FETCH_RATE_PER_HOST", String.valueOf(PER_HOST));
        server = ServerUnderTest.start("fetch-limits", environment);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aFailedFetchIsRememberedAndNotRepeated() {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, new Document(404, Map.of("Content-Type", "text/plain"), "gone", false));
        String clientId = "https://claude.ai" + path;

        HttpResponse<String> first = authorize(clientId, address());
        HttpResponse<String> second = authorize(clientId, address());

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.body()).contains("answered 404");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("answered 404").contains("remembered for 60 s");
        assertThat(standIn.hits(path)).isEqualTo(1);
    }

    @Test
    void oneAddressFetchesAFewDocumentsAMinuteAndThenNoMore() {
        String address = address();
        for (int i = 0; i < PER_ADDRESS; i++) {
            String path = "/oauth/" + UUID.randomUUID();
            standIn.serve(path, Document.json(document("https://claude.ai" + path), "no-store"));
            assertThat(authorize("https://claude.ai" + path, address).statusCode()).isEqualTo(200);
        }
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, Document.json(document("https://claude.ai" + path), "no-store"));

        HttpResponse<String> refused = authorize("https://claude.ai" + path, address);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("metadata documents a minute were fetched for your address");
        assertThat(standIn.hits(path)).isZero();
        assertThat(authorize("https://claude.ai" + path, address()).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void oneHostIsFetchedAFewTimesAMinuteWhoeverAsks() {
        HttpResponse<String> last = null;
        for (int i = 0; i <= PER_HOST; i++) {
            // localhost is refused after its lookup, quickly, and each URL is a fetch of its own
            last = authorize("https://localhost/oauth/" + UUID.randomUUID(), address());
            assertThat(last.statusCode()).isEqualTo(400);
        }

        assertThat(last.body()).contains("metadata documents a minute were fetched from localhost");
    }

    private static HttpResponse<String> authorize(String clientId, String address) {
        LocalSignIn signIn = new LocalSignIn(server);
        Map<String, String> parameters = signIn.authorizeParameters(
                new LocalSignIn.Client(clientId, "https://claude.ai/api/mcp/auth_callback"), LocalSignIn.verifier(), "s");
        return Http.get(signIn.authorizeUrl(parameters), "X-Forwarded-For", address);
    }

    private static String document(String clientId) {
        return CimdStandIn.CLAUDE_METADATA.replace(CimdStandIn.CLAUDE_CLIENT_ID, clientId);
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(113, 114) + "." + random.nextInt(1, 255);
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints are for operators, on the instance's own port too, not only behind the shipped proxies
 * (ShippedProxyLayoutTest checks those). The uberjar publishes no OpenAPI document under any spelling of its path;
 * /metrics answers only a request that carries the operations token (mcprospero.operations.token) as its Basic
 * password, as a Prometheus scraper sends it; without a token (the laptop default) /metrics is off. The health
 * endpoints stay open to load balancers. No WADL describes the resources.
 */
class OperationsEndpointsIT {

    private static final String[] METRICS_SPELLINGS = {"/metrics", "/metrics/", "/metrics;x", "/metrics/base",
            "/metrics/vendor", "/metrics/application", "/metrics?scope=base", "//metrics", "/metrics/../metrics/base"};

    private final ServerUnderTest server = ServerUnderTest.shared();

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noOpenApiDocumentIsServedUnderAnySpellingOfItsPath() {
        for (String path : new String[]{"/openapi", "/openapi/", "/openapi;x", "/openapi?format=json"}) {
            HttpResponse<String> response = Http.get(server.baseUrl() + path);

            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("openapi:").doesNotContain("\"openapi\"").doesNotContain("/oauth/token");
        }
    }

    /** Jersey's WADL would list every resource and method to anyone who asks; it is off. */
    @Test
    void noWadlDescribesTheResources() throws Exception {
        HttpResponse<String> document = Http.get(server.baseUrl() + "/application.wadl");
        assertThat(document.statusCode()).isEqualTo(404);
        assertThat(document.body()).doesNotContain("<application").doesNotContain("/oauth/token");

        HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/version")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.sun.wadl+xml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.body()).doesNotContain("<application").doesNotContain("wadl");
    }

    @Test
    void anonymousRequestsGetNoMetricsUnderAnySpellingOfThePath() {
        for (String path : METRICS_SPELLINGS) {
            HttpResponse<String> response = Http.get(server.baseUrl() + path);

            assertThat(response.statusCode()).as(path).isIn(401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("# TYPE").doesNotContain("# HELP");
        }
    }

    @Test
    void aWrongTokenOrTheTokenSentAnotherWayGetsNoMetrics() {
        String[] authorizations = {basic("prometheus", ServerUnderTest.OPERATIONS_TOKEN + "x"),
                basic("prometheus", ServerUnderTest.OPERATIONS_TOKEN.substring(1)), basic(ServerUnderTest.OPERATIONS_TOKEN, ""),
                "Bearer " + ServerUnderTest.OPERATIONS_TOKEN, ServerUnderTest.OPERATIONS_TOKEN};
        for (String authorization : authorizations) {
            HttpResponse<String> response = Http.get(server.baseUrl() + "/metrics", "Authorization", authorization);

            assertThat(response.statusCode()).as(authorization.substring(0, 6)).isIn(401, 403);
            assertThat(response.body()).doesNotContain("# TYPE").doesNotContain("# HELP");
        }
    }

    @Test
    void aRefusedScraperIsToldToAuthenticateWithBasic() {
        HttpResponse<String> response = Http.get(server.baseUrl() + "/metrics");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"mcprospero-operations\""));
        assertThat(response.body()).contains("mcprospero.operations.token");
    }

    @Test
    void theOperatorsScraperGetsPrometheusTextWithTheToken() {
        for (String path : new String[]{"/metrics", "/metrics?scope=base"}) {
            HttpResponse<String> metrics = Http.get(server.baseUrl() + path,
                    "Authorization", basic("prometheus", ServerUnderTest.OPERATIONS_TOKEN));

            assertThat(metrics.statusCode()).as(path).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).as(path).contains("# TYPE");
        }
    }

    @Test
    void healthStaysOpenToLoadBalancers() {
        for (String path : new String[]{"/health/live", "/health/ready"}) {
            HttpResponse<String> health = Http.get(server.baseUrl() + path);

            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("UP");
        }
    }

    @Test
    void withoutATokenTheLaptopDefaultServesNoMetricsToAnyone() {
        try (ServerUnderTest laptop = ServerUnderTest.start("no-operations-token", Map.of())) {
            for (String path : METRICS_SPELLINGS) {
                HttpResponse<String> response = Http.get(laptop.baseUrl() + path);

                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("# TYPE").doesNotContain("# HELP");
            }
            HttpResponse<String> withSomeToken = Http.get(laptop.baseUrl() + "/metrics",
                    "Authorization", basic("prometheus", ServerUnderTest.OPERATIONS_TOKEN));
            assertThat(withSomeToken.statusCode()).isEqualTo(404);
            assertThat(laptop.logText()).contains("operations: /metrics is off (mcprospero.operations.token is not set)");
        }
    }
}

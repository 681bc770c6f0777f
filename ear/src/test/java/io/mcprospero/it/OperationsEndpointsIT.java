package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints are for operators. The uberjar publishes no OpenAPI document under any spelling of its path;
 * /metrics answers on the instance's own port, which the shipped layouts keep off the public entry point (nginx refuses
 * every path under it, the ingress routes only the public surface; ShippedProxyLayoutTest checks both).
 */
class OperationsEndpointsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void noOpenApiDocumentIsServedUnderAnySpellingOfItsPath() {
        for (String path : new String[]{"/openapi", "/openapi/", "/openapi;x", "/openapi?format=json"}) {
            HttpResponse<String> response = Http.get(server.baseUrl() + path);

            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("openapi:").doesNotContain("\"openapi\"").doesNotContain("/oauth/token");
        }
    }

    @Test
    void metricsAnswerOnTheInstancePortForTheOperatorsScraper() {
        HttpResponse<String> metrics = Http.get(server.baseUrl() + "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
    }
}

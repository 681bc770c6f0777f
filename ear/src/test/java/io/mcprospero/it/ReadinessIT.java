package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ReadinessIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void readyChecksPostgresqlAndTheInProcessWorkflowEngine() {
        HttpResponse<String> response = Http.get(server.baseUrl() + "/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = Http.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");
                })
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("workflow-engine");
                    assertThat(check.getString("status")).isEqualTo("UP");
                    assertThat(check.getJsonObject("data").getString("temporal")).isEqualTo("in-process");
                });
    }

    @Test
    void liveAnswers() {
        assertThat(Http.get(server.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    }
}

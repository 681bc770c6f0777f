package io.mcprospero.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.failure.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentSpecsTest {

    private final AgentSettings settings = new AgentSettings(Duration.ofMinutes(1), 10, 20_000, 10, "claude-haiku-4-5");
    private final Set<String> tools = Set.of("remember", "http_fetch");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private AgentSpec read(String arguments) {
        return AgentSpecs.read(json(arguments), null, tools, settings);
    }

    @Test
    void aWeekdayDigestReadsWithItsDefaults() {
        AgentSpec spec = read("{\"instructions\":\"Digest my inbox\",\"tools\":[\"remember\"],"
                + "\"schedule\":{\"cron\":\"0 8 * * 1-5\",\"timezone\":\"Europe/Berlin\"}}");

        assertThat(spec.schedule().cron()).isEqualTo("0 8 * * 1-5");
        assertThat(spec.schedule().zone()).isEqualTo("Europe/Berlin");
        assertThat(spec.limits()).isEqualTo(settings.defaultLimits());
        assertThat(AgentSpec.fromJson(spec.toJson())).as("stored and read back unchanged").isEqualTo(spec);
    }

    @Test
    void whatCannotRunIsRefusedSayingWhatToChange() {
        assertThatThrownBy(() -> read("{\"tools\":[]}")).isInstanceOf(InvalidInput.class).hasMessageContaining("instructions are required");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"tools\":[\"rm_rf\"]}")).hasMessageContaining("unknown agent tool 'rm_rf'")
                .hasMessageContaining("http_fetch, remember");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"schedule\":{\"cron\":\"every day\"}}")).hasMessageContaining("five fields");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"schedule\":{\"interval\":\"PT1H\",\"timezone\":\"Europe/Atlantis\"}}"))
                .hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"schedule\":{\"interval\":\"PT30S\"}}")).hasMessageContaining("shorter");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"schedule\":{\"cron\":\"* * * * *\",\"interval\":\"PT1H\"}}"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"tools\":[\"http_fetch\"]}")).hasMessageContaining("allowed_hosts");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"tools\":[\"http_fetch\"],\"allowed_hosts\":[\"https://x.com/a\"]}"))
                .hasMessageContaining("host names");
        assertThatThrownBy(() -> read("{\"instructions\":\"x\",\"limits\":{\"max_turns\":500}}")).hasMessageContaining("between 1 and 10");
    }

    @Test
    void aChangeKeepsWhatItDoesNotName() {
        AgentSpec base = read("{\"instructions\":\"Digest\",\"tools\":[\"remember\"],\"schedule\":{\"interval\":\"PT1H\"}}");

        AgentSpec changed = AgentSpecs.read(json("{\"instructions\":\"A shorter digest\"}"), base, tools, settings);
        AgentSpec unscheduled = AgentSpecs.read(json("{\"schedule\":null}"), base, tools, settings);

        assertThat(changed.tools()).isEqualTo(base.tools());
        assertThat(changed.schedule()).isEqualTo(base.schedule());
        assertThat(unscheduled.schedule()).isNull();
        assertThat(unscheduled.instructions()).isEqualTo("Digest");
    }
}

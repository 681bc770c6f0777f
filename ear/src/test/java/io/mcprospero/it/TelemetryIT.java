package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every MCP request and tool call is a span (console exporter in the tests); console lines are JSON. */
class TelemetryIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void aToolCallIsASpanInsideTheHttpRequestSpan() {
        RawMcp mcp = new RawMcp(server, new LocalSignIn(server).tokensFor("olivia@example.com").accessToken());
        mcp.initialize();
        mcp.callTool("whoami", "{}");

        String toolSpan = awaitLine("'tools/call whoami' : ");
        assertThat(toolSpan).contains("INTERNAL").contains("mcp.tool.name=whoami").contains("mcprospero.org_id=");
        String traceId = toolSpan.substring(toolSpan.indexOf("' : ") + 4).split(" ")[0];
        assertThat(awaitLine("'POST /mcp' : " + traceId)).as("the HTTP request's span, in the same trace").contains("SERVER");
    }

    @Test
    void consoleLinesAreJsonWithoutSecrets() {
        List<String> lines = server.logText().lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        assertThat(lines).anySatisfy(line -> {
            JsonObject json = parse(line).orElseThrow();
            assertThat(json.getString("message", "")).isEqualTo("MCProspero started");
        });
        assertThat(server.logText()).doesNotContain(ServerUnderTest.ACCESS_CODE).doesNotContain("refresh_token\":\"");
    }

    private String awaitLine(String fragment) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = server.logText().lines().filter(l -> l.contains(fragment)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            pause();
        }
        throw new AssertionError("no log line with " + fragment + " within 20 s");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<JsonObject> parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

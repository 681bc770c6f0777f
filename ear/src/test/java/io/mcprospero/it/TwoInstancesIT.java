package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing PostgreSQL (and the master key) behind a load balancer that sends each request to the other
 * instance in turn: a 2026-07-28 client's whole story works with no stickiness at all (registration, sign-in pages,
 * token, discover, tools, switch_org, a multi round-trip confirmation whose state one instance signed and the other
 * checks, a refresh), and a tool-list change made through one instance reaches a listen stream held by the other.
 */
class TwoInstancesIT {

    private static ServerUnderTest first;
    private static ServerUnderTest second;
    private static Process balancer;
    private static Path balancerLog;
    private static String publicUrl;

    @BeforeAll
    static void twoInstancesBehindABalancer() throws Exception {
        int port = ServerUnderTest.freePort();
        publicUrl = "http://localhost:" + port;
        Path keys = Path.of(System.getProperty("it.work", "target/it")).resolve("twins-keys").toAbsolutePath();
        Files.createDirectories(keys);
        Map<String, String> shared = new HashMap<>(ServerUnderTest.onFreshDatabase(ServerUnderTest.database("twins")));
        shared.putAll(Map.of(
                "MCPROSPERO_PUBLIC_URL", publicUrl,
                "MCPROSPERO_KMS_LOCAL_KEY_FILE", keys.resolve("master.key").toString(),
                "MCPROSPERO_SIGNUP_OPEN", "true",
                "MCPROSPERO_ADMINS", ServerUnderTest.ADMIN_EMAIL,
                "MCPROSPERO_OAUTH_REGISTRATION_RATE", "100000"));
        first = ServerUnderTest.start("twin-a", shared);
        second = ServerUnderTest.start("twin-b", shared);
        balancerLog = Path.of(System.getProperty("it.work", "target/it")).resolve("twins-balancer.log").toAbsolutePath();
        balancer = new ProcessBuilder(System.getProperty("it.node", "node"), "round-robin-proxy.mjs", String.valueOf(port),
                first.baseUrl(), second.baseUrl())
                .directory(Path.of(System.getProperty("it.node.dir", "src/test/node")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(balancerLog.toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Files.readString(balancerLog).contains("listening") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.destroy();
        }
        if (first != null) {
            first.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    @Test
    void aModernClientsWholeStoryAlternatesBetweenTheInstances() throws Exception {
        int before = forwarded().size();

        NodeRun run = NodeRun.of("ts-modern-flow.mjs", publicUrl + "/mcp", "twins@example.com", ServerUnderTest.ACCESS_CODE, "dcr");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.verdict().getBoolean("ok")).as(run.describe()).isTrue();
        List<JsonObject> story = forwarded().subList(before, forwarded().size());
        assertThat(story).filteredOn(line -> line.getString("path").equals("/mcp"))
                .extracting(line -> line.getInt("instance"))
                .as("both instances served /mcp requests of the one client")
                .contains(0, 1);
    }

    @Test
    void aChangeThroughOneInstanceReachesAListenStreamHeldByTheOther() throws Exception {
        LocalSignIn signIn = new LocalSignIn(publicUrl);
        String email = "twin-listener-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ModernMcp listener = new ModernMcp(publicUrl + "/mcp", signIn.tokensFor(email).accessToken());
        ModernMcp admin = new ModernMcp(publicUrl + "/mcp", signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        String orgId = admin.callTool("create_org", "{\"name\":\"Twin Org\"}").getJsonObject("result")
                .getJsonObject("structuredContent").getJsonObject("org").getString("id");

        try (ModernMcp.Stream tools = listener.open("subscriptions/listen", "{\"notifications\":{\"toolsListChanged\":true}}", "{}")) {
            assertThat(tools.next(Duration.ofSeconds(10)).getString("method")).isEqualTo("notifications/subscriptions/acknowledged");
            int listenedOn = last("/mcp").getInt("instance");

            admin.callTool("admin", "{\"action\":\"set_role\",\"org_id\":\"" + orgId + "\",\"user\":\"" + email + "\",\"role\":\"viewer\"}");
            assertThat(last("/mcp").getInt("instance")).as("the change went through the other instance").isNotEqualTo(listenedOn);

            JsonObject changed = tools.next(Duration.ofSeconds(15));
            assertThat(changed).as("tools/list_changed within 15 s").isNotNull();
            assertThat(changed.getString("method")).isEqualTo("notifications/tools/list_changed");
        }
    }

    private static JsonObject last(String path) throws Exception {
        List<JsonObject> lines = forwarded();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).getString("path").equals(path)) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no " + path + " request went through the balancer");
    }

    private static List<JsonObject> forwarded() throws Exception {
        return Files.readAllLines(balancerLog).stream()
                .filter(line -> line.startsWith("{\"instance\""))
                .map(line -> {
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        return reader.readObject();
                    }
                })
                .toList();
    }
}

package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 2026-07-28's streams: subscriptions/listen acknowledges first and then tells the person when their tool list
 * changed (here: a platform admin changes their role in an org), tagged with the listen request's id; a stream that
 * did not ask for tool changes hears nothing of them; a tools/call with a progressToken answers on its own stream with
 * notifications/progress before the result.
 */
class ModernSubscriptionsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void aRoleChangeReachesTheListenStreamsThatAskedForToolChanges() throws Exception {
        String email = "listener-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ModernMcp listener = new ModernMcp(server, signIn.tokensFor(email).accessToken());
        ModernMcp admin = new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        String orgId = structured(admin.callTool("create_org", "{\"name\":\"Listened Org\"}")).getJsonObject("org").getString("id");

        try (ModernMcp.Stream tools = listener.open("subscriptions/listen", "{\"notifications\":{\"toolsListChanged\":true}}", "{}");
             ModernMcp.Stream prompts = listener.open("subscriptions/listen", "{\"notifications\":{\"promptsListChanged\":true}}", "{}")) {
            assertThat(tools.status()).isEqualTo(200);
            assertThat(tools.contentType()).startsWith("text/event-stream");
            JsonObject acknowledged = tools.next(Duration.ofSeconds(10));
            assertThat(acknowledged.getString("method")).isEqualTo("notifications/subscriptions/acknowledged");
            JsonObject subscriptionId = acknowledged.getJsonObject("params").getJsonObject("_meta");
            assertThat(acknowledged.getJsonObject("params").getJsonObject("notifications").getBoolean("toolsListChanged")).isTrue();
            JsonObject promptsAcknowledged = prompts.next(Duration.ofSeconds(10));
            assertThat(promptsAcknowledged.getJsonObject("params").getJsonObject("notifications")).isEmpty();

            JsonObject changed = structured(admin.callTool("admin",
                    "{\"action\":\"set_role\",\"org_id\":\"" + orgId + "\",\"user\":\"" + email + "\",\"role\":\"viewer\"}"));
            assertThat(changed.getString("role")).isEqualTo("viewer");

            JsonObject notification = tools.next(Duration.ofSeconds(15));
            assertThat(notification).as("a tools/list_changed within 15 s").isNotNull();
            assertThat(notification.getString("method")).isEqualTo("notifications/tools/list_changed");
            assertThat(notification.getJsonObject("params").getJsonObject("_meta")).isEqualTo(subscriptionId);
            assertThat(prompts.next(Duration.ofSeconds(3))).as("nothing on a stream that did not ask for tools").isNull();
        }
    }

    @Test
    void aToolCallWithAProgressTokenReportsProgressOnItsOwnStream() throws Exception {
        ModernMcp admin = new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        String params = "{\"name\":\"admin\",\"arguments\":{\"action\":\"rotate_secrets_key\",\"confirm\":true}}";

        try (ModernMcp.Stream call = admin.openWithProgress(params, "rotation-1")) {
            List<JsonObject> messages = call.rest(Duration.ofSeconds(60));

            assertThat(call.contentType()).startsWith("text/event-stream");
            assertThat(messages).isNotEmpty();
            List<JsonObject> progress = messages.stream().filter(m -> "notifications/progress".equals(m.getString("method", null))).toList();
            assertThat(progress).isNotEmpty().allSatisfy(m -> assertThat(m.getJsonObject("params").getString("progressToken")).isEqualTo("rotation-1"));
            JsonObject last = messages.get(messages.size() - 1);
            assertThat(last.getJsonObject("result").getBoolean("isError")).as(last.toString()).isFalse();
            assertThat(last.getJsonObject("result").getJsonObject("structuredContent").getString("action")).isEqualTo("rotate_secrets_key");
        }
    }

    private static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }
}

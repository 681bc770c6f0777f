package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin tool exists for platform admins only; it reports health and rotates the secrets' master key. */
class AdminToolIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void aMemberNeitherSeesNorCallsTheAdminTool() {
        RawMcp member = session("member-" + System.nanoTime() + "@example.com");

        assertThat(toolNames(member)).doesNotContain("admin");
        assertThat(member.callTool("admin", "{\"action\":\"system_health\"}").getJsonObject("error").getInt("code")).isEqualTo(-32602);
    }

    @Test
    void anAdminSeesSystemHealth() {
        RawMcp admin = session(ServerUnderTest.ADMIN_EMAIL);
        assertThat(toolNames(admin)).contains("admin");

        JsonObject health = structured(admin.callTool("admin", "{\"action\":\"system_health\"}"));

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").toString()).contains("database").contains("workflow-engine");
        assertThat(health.getJsonObject("key_management").getString("current_key_id")).startsWith("local-");
    }

    @Test
    void anAdminRotatesTheSecretsMasterKey() throws SQLException {
        RawMcp admin = session(ServerUnderTest.ADMIN_EMAIL);
        String before = structured(admin.callTool("admin", "{\"action\":\"system_health\"}"))
                .getJsonObject("key_management").getString("current_key_id");

        JsonObject rotated = structured(admin.callTool("admin", "{\"action\":\"rotate_secrets_key\",\"confirm\":true}"));

        assertThat(rotated.getString("current_key_id")).isNotEqualTo(before);
        assertThat(rotated.getInt("refused")).isZero();
        // the signing keys' data keys move to the new master key too, and the server still signs and verifies
        assertThat(rotated.getJsonObject("signing_keys").getInt("rewrapped")).isPositive();
        assertThat(rotated.getJsonObject("signing_keys").getInt("refused")).isZero();
        assertThat(signingKeysMasterKeys()).containsOnly(rotated.getString("current_key_id"));
        assertThat(session(ServerUnderTest.ADMIN_EMAIL).callTool("whoami", "{}").toString()).contains(ServerUnderTest.ADMIN_EMAIL);
    }

    private static List<String> signingKeysMasterKeys() throws SQLException {
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(ServerUnderTest.database("it")), ServerUnderTest.dbUser(), "");
             Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select key_id from signing_keys")) {
            List<String> keyIds = new ArrayList<>();
            while (rows.next()) {
                keyIds.add(rows.getString(1));
            }
            return keyIds;
        }
    }

    @Test
    void anUnknownActionIsInvalidParams() {
        RawMcp admin = session(ServerUnderTest.ADMIN_EMAIL);
        assertThat(admin.callTool("admin", "{\"action\":\"drop_database\"}").getJsonObject("error").getInt("code")).isEqualTo(-32602);
    }

    private static List<String> toolNames(RawMcp mcp) {
        return mcp.request("tools/list", null).getJsonObject("result").getJsonArray("tools")
                .getValuesAs(jakarta.json.JsonValue::asJsonObject).stream().map(tool -> tool.getString("name")).toList();
    }

    private RawMcp session(String email) {
        RawMcp mcp = new RawMcp(server, new LocalSignIn(server).tokensFor(email).accessToken());
        mcp.initialize();
        return mcp;
    }

    private static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }
}

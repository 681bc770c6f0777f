package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account and org tools, and their two error channels: -32602 for malformed calls, isError for refusals. */
class OrgToolsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private RawMcp judy;

    @BeforeEach
    void signIn() {
        judy = new RawMcp(server, new LocalSignIn(server).tokensFor("judy@example.com").accessToken());
        judy.initialize();
    }

    @Test
    void theFirstSignInCreatesAPersonalOrgWhereTheUserIsOwner() {
        JsonObject whoami = structured(judy.callTool("whoami", "{}"));

        assertThat(whoami.getJsonObject("user").getString("email")).isEqualTo("judy@example.com");
        assertThat(whoami.getJsonObject("org").getString("name")).isEqualTo("Personal");
        assertThat(whoami.getJsonObject("org").getBoolean("personal")).isTrue();
        assertThat(whoami.getJsonObject("org").getString("role")).isEqualTo("owner");
    }

    @Test
    void createListAndSwitch() {
        JsonObject created = structured(judy.callTool("create_org", "{\"name\":\"Judy's team\"}")).getJsonObject("org");
        assertThat(created.getString("role")).isEqualTo("owner");

        assertThat(structured(judy.callTool("list_orgs", "{}")).getJsonArray("orgs").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(org -> assertThat(org.getString("id")).isEqualTo(created.getString("id")));

        structured(judy.callTool("switch_org", "{\"org_id\":\"" + created.getString("id") + "\"}"));
        JsonObject org = structured(judy.callTool("whoami", "{}")).getJsonObject("org");
        assertThat(org.getString("id")).isEqualTo(created.getString("id"));
        assertThat(org.getString("name")).isEqualTo("Judy's team");
        assertThat(org.getBoolean("personal")).isFalse();
    }

    @Test
    void anotherUsersOrgCannotBeSwitchedToAndIsNotListed() {
        RawMcp ken = new RawMcp(server, new LocalSignIn(server).tokensFor("ken@example.com").accessToken());
        ken.initialize();
        String kensOrg = structured(ken.callTool("create_org", "{\"name\":\"Ken's secret org\"}")).getJsonObject("org").getString("id");

        JsonObject result = judy.callTool("switch_org", "{\"org_id\":\"" + kensOrg + "\"}").getJsonObject("result");
        assertThat(result.getBoolean("isError")).isTrue();
        assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).contains("list_orgs");
        assertThat(structured(judy.callTool("list_orgs", "{}")).toString()).doesNotContain(kensOrg).doesNotContain("Ken's secret org");
        assertThat(structured(judy.callTool("whoami", "{}")).getJsonObject("org").getString("name")).isEqualTo("Personal");
    }

    @Test
    void malformedArgumentsAreInvalidParams() {
        JsonObject error = judy.callTool("create_org", "{\"title\":\"x\"}").getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(-32602);
        assertThat(error.getString("message")).contains("name");
    }

    @Test
    void aBlankOrgNameIsInvalidParams() {
        assertThat(judy.callTool("create_org", "{\"name\":\"   \"}").getJsonObject("error").getInt("code")).isEqualTo(-32602);
    }

    @Test
    void anUnknownToolIsAClearError() {
        JsonObject error = judy.callTool("launch_rockets", "{}").getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(-32602);
        assertThat(error.getString("message")).contains("launch_rockets").contains("tools/list");
    }

    @Test
    void everyToolResultCarriesTheToolSurfaceVersion() {
        JsonObject result = judy.callTool("whoami", "{}").getJsonObject("result");
        String running = Http.json(Http.get(server.baseUrl() + "/version")).getString("tool_surface");
        assertThat(result.getJsonObject("_meta").getString("io.mcprospero/tool-surface")).isEqualTo(running).isNotBlank();
    }

    private static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }
}

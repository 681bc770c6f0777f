package io.mcprospero.it;

import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.sharedOrg;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The admin API (/admin): platform admins only, the same operations as the admin tool, clear JSON errors. */
class AdminApiIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final String adminToken = new LocalSignIn(server).tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken();

    @Test
    void withoutATokenTheAnswerIsTheChallengeOfMcp() {
        HttpResponse<String> admin = Http.get(server.baseUrl() + "/admin/users");
        HttpResponse<String> mcp = Http.postJson(server.mcpUrl(), "{}");

        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.headers().firstValue("WWW-Authenticate")).isEqualTo(mcp.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(Http.json(admin).getString("error")).isEqualTo("unauthorized");
    }

    @Test
    void someoneWhoIsNotAPlatformAdminIsForbidden() {
        String token = new LocalSignIn(server).tokensFor(email("member")).accessToken();

        for (HttpResponse<String> response : new HttpResponse[] {
                Http.get(server.baseUrl() + "/admin/users", bearer(token)),
                Http.get(server.baseUrl() + "/admin/allowlist", bearer(token)),
                Http.postJson(server.baseUrl() + "/admin/allowlist", "{\"entry\":\"@evil.example\"}", bearer(token))}) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(Http.json(response).getString("error")).isEqualTo("forbidden");
            assertThat(Http.json(response).getString("error_description")).contains("platform admins");
        }
    }

    @Test
    void anIdentityLinkIsResetOnlyForALinkedAccountAndOnlyByAPlatformAdmin() {
        String person = email("local");
        String token = new LocalSignIn(server).tokensFor(person).accessToken();

        HttpResponse<String> unlinked = Http.delete(server.baseUrl() + "/admin/users/" + person + "/identity-link", bearer(adminToken));
        HttpResponse<String> notAdmin = Http.delete(server.baseUrl() + "/admin/users/" + person + "/identity-link", bearer(token));

        assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(400);
        assertThat(Http.json(unlinked).getString("error_description")).contains("not linked to an upstream identity");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
    }

    @Test
    void theAllowlistIsEditedOverHttpAndSeenByTheTool() {
        HttpResponse<String> added = Http.postJson(server.baseUrl() + "/admin/allowlist", "{\"entry\":\"@Acme-Rest.example\"}", bearer(adminToken));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Http.json(added).getString("entry")).isEqualTo("@acme-rest.example");
        assertThat(Http.postJson(server.baseUrl() + "/admin/allowlist", "{\"entry\":\"@acme-rest.example\"}", bearer(adminToken)).statusCode())
                .as("adding twice changes nothing").isEqualTo(200);

        JsonObject listed = Http.json(Http.get(server.baseUrl() + "/admin/allowlist", bearer(adminToken)));
        assertThat(listed.getJsonArray("entries").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(entry -> {
                    assertThat(entry.getString("entry")).isEqualTo("@acme-rest.example");
                    assertThat(entry.getString("source")).isEqualTo("admin");
                    assertThat(entry.getString("added_by")).isEqualTo(ServerUnderTest.ADMIN_EMAIL);
                });
        RawMcp adminTool = session(server, ServerUnderTest.ADMIN_EMAIL);
        assertThat(structured(adminTool.callTool("admin", "{\"action\":\"allowlist_list\"}")).toString()).contains("@acme-rest.example");

        HttpResponse<String> removed = Http.delete(server.baseUrl() + "/admin/allowlist/@acme-rest.example", bearer(adminToken));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        HttpResponse<String> again = Http.delete(server.baseUrl() + "/admin/allowlist/@acme-rest.example", bearer(adminToken));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Http.json(again).getString("error_description")).contains("not on the allowlist");
    }

    @Test
    void badInputIsA400SayingWhatToSend() {
        String base = server.baseUrl() + "/admin";
        String someone = userId(email("someone"));
        assertBadRequest(Http.postJson(base + "/allowlist", "{\"entry\":\"acme\"}", bearer(adminToken)), "@example.com");
        assertBadRequest(Http.postJson(base + "/allowlist", "entry=acme", bearer(adminToken)), "must be JSON");
        assertBadRequest(Http.postJson(base + "/allowlist", "{\"domain\":\"@acme.example\"}", bearer(adminToken)), "\"entry\"");
        assertBadRequest(Http.putJson(base + "/users/" + someone + "/status", "{\"status\":\"gone\"}", bearer(adminToken)), "disabled");
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "REST team");
        assertBadRequest(Http.putJson(base + "/orgs/" + org + "/members/" + someone + "/role", "{\"role\":\"boss\"}", bearer(adminToken)),
                "owner, admin, member, viewer");
        assertThat(Http.putJson(base + "/orgs/" + org + "/members/nobody/role", "{\"role\":\"viewer\"}", bearer(adminToken)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void usersAreListedAndGivenARoleInAnOrg() {
        String personEmail = email("person");
        RawMcp person = session(server, personEmail);
        String personId = structured(person.callTool("whoami", "{}")).getJsonObject("user").getString("id");
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Admin-managed team");

        JsonObject users = Http.json(Http.get(server.baseUrl() + "/admin/users", bearer(adminToken)));
        assertThat(users.getJsonArray("users").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(user -> {
                    assertThat(user.getString("email")).isEqualTo(personEmail);
                    assertThat(user.getString("status")).isEqualTo("active");
                    assertThat(user.getBoolean("platform_admin")).isFalse();
                });

        HttpResponse<String> set = Http.putJson(server.baseUrl() + "/admin/orgs/" + org + "/members/" + personId + "/role",
                "{\"role\":\"admin\"}", bearer(adminToken));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Http.json(set).getString("role")).isEqualTo("admin");
        assertThat(structured(person.callTool("list_orgs", "{}")).toString()).contains(org).contains("\"role\":\"admin\"");

        String personal = structured(person.callTool("whoami", "{}")).getJsonObject("org").getString("id");
        assertBadRequest(Http.putJson(server.baseUrl() + "/admin/orgs/" + personal + "/members/" + personId + "/role",
                "{\"role\":\"viewer\"}", bearer(adminToken)), "personal org");
    }

    @Test
    void theAdminToolDoesTheSame() {
        RawMcp admin = session(server, ServerUnderTest.ADMIN_EMAIL);
        String personEmail = email("person");
        RawMcp person = session(server, personEmail);
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Tool-managed team");

        assertThat(structured(admin.callTool("admin", "{\"action\":\"allowlist_add\",\"entry\":\"Ana@Tool.example\"}")).getString("entry"))
                .isEqualTo("ana@tool.example");
        assertThat(structured(admin.callTool("admin", "{\"action\":\"allowlist_remove\",\"entry\":\"ana@tool.example\"}")).getBoolean("removed"))
                .isTrue();
        assertThat(structured(admin.callTool("admin", "{\"action\":\"list_users\"}")).toString()).contains(personEmail);
        assertThat(structured(admin.callTool("admin", "{\"action\":\"set_role\",\"org_id\":\"" + org + "\",\"user\":\"" + personEmail
                + "\",\"role\":\"viewer\"}")).getString("role")).isEqualTo("viewer");
        assertThat(structured(person.callTool("list_orgs", "{}")).toString()).contains(org);
        assertThat(admin.callTool("admin", "{\"action\":\"set_role\",\"org_id\":\"" + org + "\"}").getJsonObject("error").getInt("code"))
                .as("set_role without user and role").isEqualTo(-32602);
        assertThat(admin.callTool("admin", "{\"action\":\"allowlist_add\"}").getJsonObject("error").getInt("code")).isEqualTo(-32602);
    }

    private String userId(String email) {
        return structured(session(server, email).callTool("whoami", "{}")).getJsonObject("user").getString("id");
    }

    private static void assertBadRequest(HttpResponse<String> response, String hint) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Http.json(response).getString("error_description")).contains(hint);
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}

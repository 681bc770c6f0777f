package io.mcprospero.it;

import static io.mcprospero.it.AdminApiIT.bearer;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.sharedOrg;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.People;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Org isolation, walked tool by tool: user A, owner of org A only, calls every tool tools/list offers (and every
 * admin endpoint) with org B's ids, emails and members, and gets nothing of B: refusals, or answers without a
 * trace of B. A tool without a case here fails the test, so a new tool cannot skip the walk.
 */
class CrossOrgWalkIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    private String orgB;
    private String orgBName;
    private String ownerB;
    private String ownerBId;
    private String colleagueB;
    private String colleagueBId;
    private String inviteeB;
    private String agentB;
    private String agentBName;
    private String userA;
    private String userAId;
    private String tokenA;
    private RawMcp a;
    private RawMcp b;

    @BeforeEach
    void twoOrgsThatShareNothing() {
        ownerB = email("owner-b");
        colleagueB = email("colleague-b");
        inviteeB = email("invitee-b");
        orgBName = "B confidential " + System.nanoTime();
        b = session(server, ownerB);
        ownerBId = structured(b.callTool("whoami", "{}")).getJsonObject("user").getString("id");
        RawMcp colleague = session(server, colleagueB);
        colleagueBId = structured(colleague.callTool("whoami", "{}")).getJsonObject("user").getString("id");
        orgB = sharedOrg(b, orgBName);
        structured(b.callTool("invite_member", "{\"email\":\"" + colleagueB + "\",\"role\":\"member\"}"));
        People.accept(colleague, orgB);
        agentBName = "B secret agent " + System.nanoTime();
        agentB = structured(b.callTool("create_agent", "{\"name\":\"" + agentBName + "\",\"instructions\":\"Summarise the plans\"}"))
                .getJsonObject("agent").getString("id");
        structured(b.callTool("invite_member", "{\"email\":\"" + inviteeB + "\",\"role\":\"viewer\"}"));

        userA = email("user-a");
        tokenA = signIn.tokensFor(userA).accessToken();
        a = new RawMcp(server, tokenA);
        a.initialize();
        userAId = structured(a.callTool("whoami", "{}")).getJsonObject("user").getString("id");
        sharedOrg(a, "A's org");
    }

    /** What A tries with each tool; whether it must be refused or may answer (without anything of B). */
    private Map<String, List<Case>> cases() {
        Map<String, List<Case>> cases = new LinkedHashMap<>();
        cases.put("whoami", List.of(answers("{}"), refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("list_orgs", List.of(answers("{}")));
        cases.put("list_members", List.of(answers("{}"), refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("create_org", List.of(answers("{\"name\":\"" + orgBName + " copy\"}")));
        cases.put("switch_org", List.of(refused("{\"org_id\":\"" + orgB + "\"}")));
        // B's invitations are for their invitees: A sees none and accepts none
        cases.put("list_invitations", List.of(answers("{}")));
        cases.put("accept_invitation", List.of(refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("leave_org", List.of(refused("{\"org_id\":\"" + orgB + "\",\"confirm\":true}")));
        cases.put("set_member_role", List.of(
                refused("{\"user\":\"" + ownerBId + "\",\"role\":\"viewer\"}"),
                refused("{\"user\":\"" + ownerB + "\",\"role\":\"viewer\"}"),
                refused("{\"user\":\"" + colleagueBId + "\",\"role\":\"owner\"}"),
                refused("{\"user\":\"" + colleagueB + "\",\"role\":\"admin\"}"),
                refused("{\"user\":\"" + inviteeB + "\",\"role\":\"admin\"}"),
                refused("{\"user\":\"" + colleagueB + "\",\"role\":\"admin\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("remove_member", List.of(
                refused("{\"user\":\"" + ownerBId + "\",\"confirm\":true}"),
                refused("{\"user\":\"" + ownerB + "\",\"confirm\":true}"),
                refused("{\"user\":\"" + colleagueBId + "\",\"confirm\":true}"),
                refused("{\"user\":\"" + colleagueB + "\",\"confirm\":true}"),
                refused("{\"user\":\"" + inviteeB + "\",\"confirm\":true}"),
                refused("{\"user\":\"" + colleagueB + "\",\"org_id\":\"" + orgB + "\",\"confirm\":true}")));
        // the invitation lands in A's current org whatever the email; B's pending invitation of the same email
        // must neither show nor change (the answer is a new invitation, not an updated one)
        cases.put("invite_member", List.of(answers("{\"email\":\"" + inviteeB + "\",\"role\":\"viewer\"}"),
                refused("{\"email\":\"someone-new@example.com\",\"role\":\"viewer\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("create_agent", List.of(answers("{\"name\":\"A's own agent\",\"instructions\":\"Say hello\"}"),
                refused("{\"name\":\"sneaky\",\"instructions\":\"x\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("list_agents", List.of(answers("{}"), refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("get_agent", List.of(refused("{\"agent\":\"" + agentB + "\"}"), refused("{\"agent\":\"" + agentBName + "\"}"),
                refused("{\"agent\":\"" + agentB + "\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("update_agent", List.of(refused("{\"agent\":\"" + agentB + "\",\"action\":\"pause\"}"),
                refused("{\"agent\":\"" + agentB + "\",\"action\":\"run_now\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("delete_agent", List.of(refused("{\"agent\":\"" + agentB + "\",\"confirm\":true}")));
        cases.put("list_runs", List.of(refused("{\"agent\":\"" + agentB + "\"}")));
        cases.put("get_run", List.of(refused("{\"run_id\":\"" + agentB + "\"}")));
        cases.put("connect_account", List.of(refused("{\"provider\":\"google\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("disconnect_account", List.of(refused("{\"provider\":\"slack\",\"org_id\":\"" + orgB + "\"}")));
        cases.put("list_connections", List.of(answers("{}"), refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("list_available_tools", List.of(answers("{}"), refused("{\"org_id\":\"" + orgB + "\"}")));
        cases.put("admin", List.of(
                protocolError("{\"action\":\"list_users\"}"),
                protocolError("{\"action\":\"set_role\",\"org_id\":\"" + orgB + "\",\"user\":\"" + userA + "\",\"role\":\"owner\"}"),
                protocolError("{\"action\":\"disable_user\",\"user\":\"" + ownerBId + "\",\"confirm\":true}")));
        return cases;
    }

    @Test
    void everyToolGivesANonMemberNothingOfAnotherOrg() {
        Map<String, List<Case>> cases = cases();
        List<String> listed = a.request("tools/list", null).getJsonObject("result").getJsonArray("tools")
                .getValuesAs(JsonValue::asJsonObject).stream().map(tool -> tool.getString("name")).toList();
        assertThat(cases.keySet()).as("every tool needs a case in this walk").containsAll(listed);

        List<String> order = new ArrayList<>(cases.keySet());
        // the invitation A makes is A's data from then on (it names an email B also invited): walk it last
        order.remove("invite_member");
        order.add("invite_member");
        for (String tool : order) {
            for (Case attempt : cases.get(tool)) {
                JsonObject response = a.callTool(tool, attempt.arguments());
                String where = tool + " " + attempt.arguments() + " -> " + response;
                switch (attempt.expected()) {
                    case REFUSED -> assertThat(response.getJsonObject("result").getBoolean("isError")).as(where).isTrue();
                    case PROTOCOL_ERROR -> assertThat(response.getJsonObject("error").getInt("code")).as(where).isEqualTo(-32602);
                    case ANSWERS -> assertThat(response.getJsonObject("result").getBoolean("isError")).as(where).isFalse();
                }
                assertNothingOfB(response.toString(), attempt.arguments(), where);
            }
        }
        assertThat(structured(a.callTool("invite_member", "{\"email\":\"" + inviteeB + "\",\"role\":\"viewer\"}")).getString("status"))
                .isEqualTo("pending");
        assertBUntouched();
    }

    @Test
    void everyAdminEndpointRefusesANonAdminWithoutATraceOfB() {
        Map<String, Supplier<HttpResponse<String>>> endpoints = new LinkedHashMap<>();
        String base = server.baseUrl() + "/admin";
        endpoints.put("GET /admin/allowlist", () -> Http.get(base + "/allowlist", bearer(tokenA)));
        endpoints.put("POST /admin/allowlist", () -> Http.postJson(base + "/allowlist", "{\"entry\":\"" + inviteeB + "\"}", bearer(tokenA)));
        endpoints.put("DELETE /admin/allowlist/{entry}", () -> Http.delete(base + "/allowlist/" + inviteeB, bearer(tokenA)));
        endpoints.put("GET /admin/users", () -> Http.get(base + "/users", bearer(tokenA)));
        endpoints.put("PUT /admin/users/{user}/status", () -> Http.putJson(base + "/users/" + ownerBId + "/status",
                "{\"status\":\"disabled\"}", bearer(tokenA)));
        endpoints.put("PUT /admin/orgs/{org}/members/{user}/role", () -> Http.putJson(base + "/orgs/" + orgB + "/members/" + userAId + "/role",
                "{\"role\":\"owner\"}", bearer(tokenA)));

        endpoints.forEach((endpoint, call) -> {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(endpoint + " -> " + response.body()).isEqualTo(403);
            assertNothingOfB(response.body(), "", endpoint);
        });
        assertBUntouched();
    }

    /** Nothing of B in an answer, except what A itself sent in that call. */
    private void assertNothingOfB(String answer, String sent, String where) {
        for (String secret : List.of(orgB, orgBName, ownerB, ownerBId, colleagueB, colleagueBId, inviteeB, agentB, agentBName)) {
            if (!sent.contains(secret)) {
                assertThat(answer).as(where).doesNotContain(secret);
            }
        }
    }

    private void assertBUntouched() {
        JsonObject members = structured(b.callTool("list_members", "{}"));
        assertThat(members.getJsonArray("members").getValuesAs(JsonValue::asJsonObject))
                .extracting(m -> m.getString("email") + "/" + m.getString("role"))
                .containsExactlyInAnyOrder(ownerB + "/owner", colleagueB + "/member");
        assertThat(members.getJsonArray("pending_invitations").getValuesAs(JsonValue::asJsonObject))
                .extracting(i -> i.getString("email") + "/" + i.getString("role"))
                .containsExactly(inviteeB + "/viewer");
        assertThat(structured(b.callTool("whoami", "{}")).getJsonObject("org").getString("name")).isEqualTo(orgBName);
        JsonObject agent = structured(b.callTool("get_agent", "{\"agent\":\"" + agentB + "\"}")).getJsonObject("agent");
        assertThat(agent.getString("status") + " v" + agent.getInt("version")).isEqualTo("pending_approval v1");
        assertThat(structured(a.callTool("list_orgs", "{}")).toString()).doesNotContain(orgB);
        assertThat(structured(b.callTool("get_agent", "{\"agent\":\"" + agentB + "\"}")).getJsonObject("agent").getString("name"))
                .as("B's agent is still there").isEqualTo(agentBName);
    }

    private static Case answers(String arguments) {
        return new Case(arguments, Expected.ANSWERS);
    }

    private static Case refused(String arguments) {
        return new Case(arguments, Expected.REFUSED);
    }

    private static Case protocolError(String arguments) {
        return new Case(arguments, Expected.PROTOCOL_ERROR);
    }

    private enum Expected { ANSWERS, REFUSED, PROTOCOL_ERROR }

    private record Case(String arguments, Expected expected) {
    }
}

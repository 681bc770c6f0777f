package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 2025-11-25 form of a confirmation, by hand: a session whose client declared elicitation gets remove_member's
 * question as an elicitation/create request on the call's own stream; the client's answer is a POST of its own (which
 * may reach any instance); the stream then carries the result. Closing the stream before answering cancels the call:
 * an answer sent afterwards changes nothing.
 */
class LegacyElicitationIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);
    private String ownerToken;
    private String orgId;
    private String member;

    @BeforeEach
    void anOrgWithAMember() {
        ownerToken = signIn.tokensFor("legacy-elicit-owner@example.com").accessToken();
        ModernMcp owner = new ModernMcp(server, ownerToken);
        orgId = owner.callTool("create_org", "{\"name\":\"Legacy Asks\"}").getJsonObject("result").getJsonObject("structuredContent")
                .getJsonObject("org").getString("id");
        member = "legacy-member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        signIn.tokensFor(member);
        new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken()).callTool("admin",
                "{\"action\":\"set_role\",\"org_id\":\"" + orgId + "\",\"user\":\"" + member + "\",\"role\":\"member\"}");
    }

    @Test
    void theQuestionComesOnTheCallsStreamAndThePostedAnswerCompletesIt() throws Exception {
        String session = initializeWithElicitation();
        try (ModernMcp.Stream call = removeMember(session)) {
            JsonObject question = call.next(Duration.ofSeconds(10));
            assertThat(question.getString("method")).isEqualTo("elicitation/create");
            assertThat(question.getJsonObject("params").getString("message")).contains(member);

            HttpResponse<String> answered = answer(session, question.getString("id"), true);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);

            JsonObject result = call.next(Duration.ofSeconds(10)).getJsonObject("result");
            assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
            assertThat(result.getJsonObject("structuredContent").getString("outcome")).isEqualTo("removed");
        }
        assertThat(members()).doesNotContain(member);
    }

    @Test
    void closingTheStreamCancelsTheCallAndALateYesChangesNothing() throws Exception {
        String session = initializeWithElicitation();
        String questionId;
        try (ModernMcp.Stream call = removeMember(session)) {
            questionId = call.next(Duration.ofSeconds(10)).getString("id");
        }
        // the server finds the stream gone at its next keep-alive (every two seconds)
        Thread.sleep(6_000);

        answer(session, questionId, true);
        Thread.sleep(2_000);

        assertThat(members()).contains(member);
    }

    private String initializeWithElicitation() {
        HttpResponse<String> response = Http.postJson(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                "Authorization", "Bearer " + ownerToken, "Accept", "application/json, text/event-stream");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private ModernMcp.Stream removeMember(String session) {
        return ModernMcp.Stream.of(HttpRequest.newBuilder(URI.create(server.mcpUrl()))
                .header("Authorization", "Bearer " + ownerToken)
                .header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"remove_member\",\"arguments\":{\"user\":\"" + member + "\",\"org_id\":\"" + orgId + "\"}}}"))
                .build());
    }

    private HttpResponse<String> answer(String session, String questionId, boolean yes) {
        return Http.postJson(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":\"" + questionId + "\",\"result\":{\"action\":\"accept\","
                        + "\"content\":{\"confirm\":" + yes + "}}}",
                "Authorization", "Bearer " + ownerToken, "Accept", "application/json, text/event-stream",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
    }

    private List<String> members() {
        return new ModernMcp(server, ownerToken).callTool("list_members", "{\"org_id\":\"" + orgId + "\"}").getJsonObject("result")
                .getJsonObject("structuredContent").getJsonArray("members").getValuesAs(JsonValue::asJsonObject).stream()
                .map(m -> m.getString("email")).toList();
    }
}

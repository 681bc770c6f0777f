package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.SealedSigningKey;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi round-trip requests (2026-07-28) where the person must confirm: remove_member answers a client that declares
 * elicitation with an InputRequiredResult (a form question and a signed requestState) and changes nothing until the
 * retry brings the person's yes with that state. A no, a missing answer, an altered, foreign, misplaced or expired
 * state each get their own answer; a client without elicitation is told to ask in the conversation and pass confirm.
 */
class MultiRoundTripIT {

    private static final String ELICITS = "{\"elicitation\":{}}";

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);
    private ModernMcp owner;
    private String orgId;
    private String member;

    @BeforeEach
    void anOrgWithAMember() {
        owner = new ModernMcp(server, signIn.tokensFor("mrtr-owner@example.com").accessToken());
        orgId = structured(owner.callTool("create_org", "{\"name\":\"Round Trips " + UUID.randomUUID().toString().substring(0, 6) + "\"}"))
                .getJsonObject("org").getString("id");
        member = "mrtr-member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        signIn.tokensFor(member);
        ModernMcp admin = new ModernMcp(server, signIn.tokensFor(ServerUnderTest.ADMIN_EMAIL).accessToken());
        structured(admin.callTool("admin", "{\"action\":\"set_role\",\"org_id\":\"" + orgId + "\",\"user\":\"" + member + "\",\"role\":\"member\"}"));
    }

    private String removeArguments() {
        return "{\"user\":\"" + member + "\",\"org_id\":\"" + orgId + "\"}";
    }

    private JsonObject call(ModernMcp client, String arguments, String capabilities, String retry) {
        return ModernMcp.json(client.request("tools/call", "{\"name\":\"remove_member\",\"arguments\":" + arguments + retry + "}", capabilities));
    }

    private JsonObject firstRound() {
        JsonObject result = call(owner, removeArguments(), ELICITS, "").getJsonObject("result");
        assertThat(result.getString("resultType")).as(result.toString()).isEqualTo("input_required");
        return result;
    }

    private static String answer(String action, boolean confirm, String state) {
        return ",\"inputResponses\":{\"confirm\":{\"action\":\"" + action + "\",\"content\":{\"confirm\":" + confirm + "}}},"
                + "\"requestState\":\"" + state + "\"";
    }

    @Test
    void theFirstRoundAsksByFormAndChangesNothingTheYesCompletesIt() {
        JsonObject asked = firstRound();

        JsonObject question = asked.getJsonObject("inputRequests").getJsonObject("confirm");
        assertThat(question.getString("method")).isEqualTo("elicitation/create");
        assertThat(question.getJsonObject("params").getString("mode")).isEqualTo("form");
        assertThat(question.getJsonObject("params").getString("message")).contains(member);
        assertThat(question.getJsonObject("params").getJsonObject("requestedSchema").getJsonObject("properties").containsKey("confirm")).isTrue();
        assertThat(asked.containsKey("ttlMs")).as("an interim result carries no caching hints").isFalse();
        assertThat(members()).contains(member);

        JsonObject done = structured(call(owner, removeArguments(), ELICITS, answer("accept", true, asked.getString("requestState"))));

        assertThat(done.getString("outcome")).isEqualTo("removed");
        assertThat(members()).doesNotContain(member);
    }

    @Test
    void aNoChangesNothing() {
        String state = firstRound().getString("requestState");

        assertThat(structured(call(owner, removeArguments(), ELICITS, answer("decline", false, state))).getString("outcome")).isEqualTo("declined");
        assertThat(structured(call(owner, removeArguments(), ELICITS, answer("accept", false, state))).getString("outcome")).isEqualTo("declined");
        assertThat(members()).contains(member);
    }

    @Test
    void aRetryWithoutTheAnswerIsAskedAgain() {
        String state = firstRound().getString("requestState");

        JsonObject again = call(owner, removeArguments(), ELICITS, ",\"requestState\":\"" + state + "\"").getJsonObject("result");

        assertThat(again.getString("resultType")).isEqualTo("input_required");
        assertThat(again.getJsonObject("inputRequests").containsKey("confirm")).isTrue();
        assertThat(members()).contains(member);
    }

    @Test
    void anAlteredStateIsRefused() {
        String state = firstRound().getString("requestState");
        String altered = state.substring(0, state.length() - 4) + (state.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertRefused(call(owner, removeArguments(), ELICITS, answer("accept", true, altered)), "altered");
    }

    @Test
    void anotherPersonsStateIsRefused() {
        String state = firstRound().getString("requestState");
        ModernMcp stranger = new ModernMcp(server, signIn.tokensFor("mrtr-stranger@example.com").accessToken());

        assertRefused(call(stranger, removeArguments(), ELICITS, answer("accept", true, state)), "someone else");
        assertThat(members()).contains(member);
    }

    @Test
    void aStateBroughtToOtherArgumentsIsRefused() {
        String state = firstRound().getString("requestState");

        assertRefused(call(owner, "{\"user\":\"mrtr-owner@example.com\",\"org_id\":\"" + orgId + "\"}", ELICITS,
                answer("accept", true, state)), "another call");
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        SignedJWT issued = SignedJWT.parse(firstRound().getString("requestState"));
        RSAKey key = SealedSigningKey.signing(ServerUnderTest.database("it")).unseal(server.dataDir());
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet expired = new JWTClaimsSet.Builder(issued.getJWTClaimsSet())
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))).build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("mcp-request-state+jwt")).build(), expired);
        forged.sign(new RSASSASigner(key));

        assertRefused(call(owner, removeArguments(), ELICITS, answer("accept", true, forged.serialize())), "expired");
        assertThat(members()).contains(member);
    }

    @Test
    void aClientWithoutElicitationIsToldToAskInTheConversationThenConfirmWorks() {
        JsonObject refused = call(owner, removeArguments(), "{}", "").getJsonObject("result");

        assertThat(refused.getBoolean("isError")).isTrue();
        assertThat(refused.getJsonArray("content").getJsonObject(0).getString("text")).contains("confirm: true").contains("ask them");
        assertThat(members()).contains(member);

        JsonObject done = structured(call(owner, "{\"user\":\"" + member + "\",\"org_id\":\"" + orgId + "\",\"confirm\":true}", "{}", ""));

        assertThat(done.getString("outcome")).isEqualTo("removed");
    }

    @Test
    void aModelsConfirmIsNotThePersonsWhenTheClientCanAsk() {
        JsonObject result = call(owner, "{\"user\":\"" + member + "\",\"org_id\":\"" + orgId + "\",\"confirm\":true}", ELICITS, "")
                .getJsonObject("result");

        assertThat(result.getString("resultType")).isEqualTo("input_required");
        assertThat(members()).contains(member);
    }

    private java.util.List<String> members() {
        return structured(owner.callTool("list_members", "{\"org_id\":\"" + orgId + "\"}")).getJsonArray("members")
                .getValuesAs(JsonValue::asJsonObject).stream().map(m -> m.getString("email")).toList();
    }

    private static void assertRefused(JsonObject response, String why) {
        assertThat(response.containsKey("error")).as(response.toString()).isTrue();
        assertThat(response.getJsonObject("error").getInt("code")).isEqualTo(-32602);
        assertThat(response.getJsonObject("error").getString("message")).contains("requestState refused").contains(why);
    }

    private static JsonObject structured(JsonObject response) {
        JsonObject result = response.getJsonObject("result");
        assertThat(result).as(response.toString()).isNotNull();
        assertThat(result.getBoolean("isError")).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }
}

package io.mcprospero.it;

import static io.mcprospero.it.support.People.accept;
import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.refusal;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.sharedOrg;
import static io.mcprospero.it.support.People.structured;
import static io.mcprospero.it.support.People.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * invite_member: every invitation waits until its person accepts it, at sign-in (the invitations page) or with
 * accept_invitation; the inviter gets the same answer whether or not the email has an account.
 */
class InvitationsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void anInviteeJoinsWithTheRoleByAcceptingWhenTheSignInOffersIt() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Invitation team");
        String invitee = email("invitee");

        JsonObject invited = structured(owner.callTool("invite_member", "{\"email\":\"" + invitee + "\",\"role\":\"admin\"}"));
        assertThat(invited.getString("status")).isEqualTo("pending");
        assertThat(pending(owner)).extracting(i -> i.getString("email") + "/" + i.getString("role")).containsExactly(invitee + "/admin");

        RawMcp joined = session(server, invitee);

        assertThat(structured(joined.callTool("list_orgs", "{}")).getJsonArray("orgs").getValuesAs(JsonValue::asJsonObject))
                .anySatisfy(o -> {
                    assertThat(o.getString("id")).isEqualTo(org);
                    assertThat(o.getString("role")).isEqualTo("admin");
                });
        assertThat(pending(owner)).isEmpty();
        assertThat(members(owner)).extracting(m -> m.getString("email") + "/" + m.getString("role")).contains(invitee + "/admin");
    }

    @Test
    void someoneWithAnAccountJoinsOnlyWhenTheyAcceptAndTheInviterCannotTellTheyHadOne() {
        String colleague = email("colleague");
        RawMcp invitee = session(server, colleague);
        String stranger = email("stranger");
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Waiting team");

        JsonObject known = owner.callTool("invite_member", "{\"email\":\"" + colleague + "\",\"role\":\"viewer\"}");
        JsonObject unknown = owner.callTool("invite_member", "{\"email\":\"" + stranger + "\",\"role\":\"viewer\"}");

        assertThat(structured(known).getString("status")).isEqualTo("pending");
        assertThat(text(known).replace(colleague, "X")).isEqualTo(text(unknown).replace(stranger, "X"));
        assertThat(members(owner)).extracting(m -> m.getString("email")).doesNotContain(colleague);
        assertThat(structured(invitee.callTool("list_orgs", "{}")).toString()).doesNotContain(org);
        assertThat(refusal(session(server, email("bystander")).callTool("accept_invitation", "{\"org_id\":\"" + org + "\"}")))
                .as("only the invitee can accept").contains("no invitation for you").contains("list_invitations");

        JsonObject listed = structured(invitee.callTool("list_invitations", "{}"));
        assertThat(listed.getJsonArray("invitations").getValuesAs(JsonValue::asJsonObject))
                .extracting(i -> i.getString("org_id") + "/" + i.getString("role")).containsExactly(org + "/viewer");
        assertThat(accept(invitee, org).getString("role")).isEqualTo("viewer");

        assertThat(members(owner)).extracting(m -> m.getString("email") + "/" + m.getString("role")).contains(colleague + "/viewer");
        assertThat(pending(owner)).extracting(i -> i.getString("email")).containsExactly(stranger);
        assertThat(refusal(owner.callTool("invite_member", "{\"email\":\"" + colleague + "\",\"role\":\"member\"}")))
                .contains("already a member").contains("set_member_role");
    }

    @Test
    void theSignInOffersTheInvitationsOnceAndWhatIsNotTickedKeepsWaiting() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Offered team");
        String invitee = email("invitee");
        structured(owner.callTool("invite_member", "{\"email\":\"" + invitee + "\",\"role\":\"member\"}"));
        LocalSignIn signIn = new LocalSignIn(server);
        Browser browser = new Browser();
        HttpResponse<String> page = signIn.authorize(browser, signIn.authorizeParameters(signIn.register(), LocalSignIn.verifier(), "s"));
        HttpResponse<String> signedIn = browser.postForm(server.baseUrl() + "/oauth/sign-in", Map.of(
                "request", Browser.field(page.body(), "request"), "csrf", Browser.field(page.body(), "csrf"),
                "email", invitee, "access_code", ServerUnderTest.ACCESS_CODE));
        URI welcomed = URI.create(server.baseUrl()).resolve(signedIn.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> welcome = browser.get(welcomed.toString());
        HttpResponse<String> afterWelcome = browser.postForm(server.baseUrl() + "/welcome", Map.of(
                "request", Browser.field(welcome.body(), "request"), "csrf", Browser.field(welcome.body(), "csrf"),
                "name", "Invitee", "time_zone", Browser.TIME_ZONE, "accept_terms", "yes"));
        URI invitations = URI.create(server.baseUrl() + "/").resolve(afterWelcome.headers().firstValue("Location").orElseThrow());
        assertThat(invitations.getPath()).isEqualTo("/oauth/invitations");

        HttpResponse<String> offered = browser.get(invitations.toString());
        assertThat(offered.body()).contains("Offered team").contains("value=\"" + org + "\"");
        HttpResponse<String> declined = browser.postForm(server.baseUrl() + "/oauth/invitations", Map.of(
                "request", Browser.field(offered.body(), "request"), "csrf", Browser.field(offered.body(), "csrf")));
        URI back = browser.completeFlow(server.baseUrl(), URI.create(declined.headers().firstValue("Location").orElseThrow()), "Invitee");

        assertThat(back.toString()).startsWith(LocalSignIn.REDIRECT_URI).contains("code=");
        assertThat(browser.invitationsSeen()).as("offered once per sign-in").isZero();
        assertThat(pending(owner)).extracting(i -> i.getString("email")).containsExactly(invitee);
        assertThat(members(owner)).extracting(m -> m.getString("email")).doesNotContain(invitee);
    }

    @Test
    void invitingAgainChangesThePendingRole() {
        RawMcp owner = session(server, email("owner"));
        sharedOrg(owner, "Re-invite team");
        String invitee = email("invitee");
        structured(owner.callTool("invite_member", "{\"email\":\"" + invitee + "\",\"role\":\"viewer\"}"));

        structured(owner.callTool("invite_member", "{\"email\":\"" + invitee.toUpperCase() + "\",\"role\":\"member\"}"));

        assertThat(pending(owner)).extracting(i -> i.getString("email") + "/" + i.getString("role")).containsExactly(invitee + "/member");
    }

    @Test
    void thePersonalOrgTakesNoInvitations() {
        RawMcp owner = session(server, email("owner"));

        assertThat(refusal(owner.callTool("invite_member", "{\"email\":\"" + email("friend") + "\",\"role\":\"member\"}")))
                .contains("personal org").contains("create_org");
    }

    @Test
    void anAdminInvitesUpToAdminAndAViewerNotAtAll() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Role-bound team");
        String adminEmail = email("admin");
        String viewerEmail = email("viewer");
        RawMcp admin = session(server, adminEmail);
        RawMcp viewer = session(server, viewerEmail);
        structured(owner.callTool("invite_member", "{\"email\":\"" + adminEmail + "\",\"role\":\"admin\"}"));
        structured(owner.callTool("invite_member", "{\"email\":\"" + viewerEmail + "\",\"role\":\"viewer\"}"));
        accept(admin, org);
        accept(viewer, org);
        structured(admin.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));
        structured(viewer.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));

        assertThat(refusal(admin.callTool("invite_member", "{\"email\":\"" + email("x") + "\",\"role\":\"owner\"}"))).contains("only an owner");
        assertThat(structured(admin.callTool("invite_member", "{\"email\":\"" + email("y") + "\",\"role\":\"admin\"}")).getString("status"))
                .isEqualTo("pending");
        assertThat(refusal(viewer.callTool("invite_member", "{\"email\":\"" + email("z") + "\",\"role\":\"viewer\"}"))).contains("viewer");
        assertThat(structured(viewer.callTool("list_members", "{}")).getJsonArray("pending_invitations")).as("viewers see no invitations").isEmpty();
    }

    @Test
    void aMalformedEmailOrRoleIsInvalidParams() {
        RawMcp owner = session(server, email("owner"));
        sharedOrg(owner, "Strict team");

        assertThat(owner.callTool("invite_member", "{\"email\":\"not-an-email\",\"role\":\"member\"}").getJsonObject("error").getInt("code"))
                .isEqualTo(-32602);
        assertThat(owner.callTool("invite_member", "{\"email\":\"" + email("a") + "\",\"role\":\"superuser\"}").getJsonObject("error").getInt("code"))
                .isEqualTo(-32602);
    }

    static List<JsonObject> pending(RawMcp mcp) {
        return structured(mcp.callTool("list_members", "{}")).getJsonArray("pending_invitations").getValuesAs(JsonValue::asJsonObject);
    }

    static List<JsonObject> members(RawMcp mcp) {
        return structured(mcp.callTool("list_members", "{}")).getJsonArray("members").getValuesAs(JsonValue::asJsonObject);
    }
}

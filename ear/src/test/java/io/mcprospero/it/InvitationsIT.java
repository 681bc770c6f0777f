package io.mcprospero.it;

import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.refusal;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.sharedOrg;
import static io.mcprospero.it.support.People.structured;
import static io.mcprospero.it.support.People.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** invite_member: an invitee becomes a member with the role at the first sign-in; someone with an account at once. */
class InvitationsIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void anInviteeJoinsWithTheRoleAtTheFirstSignIn() {
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
    void someoneWithAnAccountIsAMemberAtOnce() {
        String colleague = email("colleague");
        session(server, colleague);
        RawMcp owner = session(server, email("owner"));
        sharedOrg(owner, "Immediate team");

        JsonObject response = owner.callTool("invite_member", "{\"email\":\"" + colleague + "\",\"role\":\"viewer\"}");

        assertThat(structured(response).getString("status")).isEqualTo("member");
        assertThat(text(response)).contains("already has an account");
        assertThat(members(owner)).extracting(m -> m.getString("email") + "/" + m.getString("role")).contains(colleague + "/viewer");
        assertThat(refusal(owner.callTool("invite_member", "{\"email\":\"" + colleague + "\",\"role\":\"member\"}")))
                .contains("already a member").contains("set_member_role");
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

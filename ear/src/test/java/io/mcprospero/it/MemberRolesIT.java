package io.mcprospero.it;

import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.refusal;
import static io.mcprospero.it.support.People.session;
import static io.mcprospero.it.support.People.sharedOrg;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.People;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * set_member_role and remove_member: owners and admins change roles and remove members; only owners touch ownership;
 * an org never loses its last owner; a pending invitation can be withdrawn.
 */
class MemberRolesIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private RawMcp owner;
    private String ownerEmail;
    private String adminEmail;
    private String memberEmail;
    private RawMcp admin;
    private RawMcp member;

    @BeforeEach
    void anOrgWithAnOwnerAnAdminAndAMember() {
        ownerEmail = email("owner");
        adminEmail = email("admin");
        memberEmail = email("member");
        owner = session(server, ownerEmail);
        admin = session(server, adminEmail);
        member = session(server, memberEmail);
        String org = sharedOrg(owner, "Roles team");
        structured(owner.callTool("invite_member", "{\"email\":\"" + adminEmail + "\",\"role\":\"admin\"}"));
        structured(owner.callTool("invite_member", "{\"email\":\"" + memberEmail + "\",\"role\":\"member\"}"));
        People.accept(admin, org);
        People.accept(member, org);
        structured(admin.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));
        structured(member.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));
    }

    @Test
    void anOwnerPromotesAndDemotes() {
        assertThat(setRole(owner, memberEmail, "owner").getString("role")).isEqualTo("owner");
        assertThat(role(member)).isEqualTo("owner");

        assertThat(setRole(owner, memberEmail, "viewer").getString("role")).isEqualTo("viewer");
        assertThat(role(member)).isEqualTo("viewer");
    }

    @Test
    void anAdminChangesRolesBelowOwnerByIdOrEmail() {
        String memberId = structured(member.callTool("whoami", "{}")).getJsonObject("user").getString("id");

        assertThat(setRole(admin, memberId, "viewer").getString("role")).isEqualTo("viewer");
        assertThat(setRole(admin, memberEmail, "admin").getString("role")).isEqualTo("admin");
    }

    @Test
    void anAdminCannotMakeOrUnmakeOwners() {
        assertThat(refusal(admin.callTool("set_member_role", args(memberEmail, "owner")))).contains("only an owner");
        assertThat(refusal(admin.callTool("set_member_role", args(ownerEmail, "member")))).contains("only an owner");
        assertThat(role(owner)).isEqualTo("owner");
    }

    @Test
    void theLastOwnerCannotBeDemotedButOneOfTwoCan() {
        assertThat(refusal(owner.callTool("set_member_role", args(ownerEmail, "admin")))).contains("last owner");

        setRole(owner, adminEmail, "owner");
        assertThat(setRole(owner, ownerEmail, "admin").getString("role")).isEqualTo("admin");
    }

    @Test
    void membersAndViewersCannotChangeRoles() {
        assertThat(refusal(member.callTool("set_member_role", args(memberEmail, "admin")))).contains("member").contains("does not allow");
    }

    @Test
    void someoneOutsideTheOrgIsNotFound() {
        String outsider = email("outsider");
        session(server, outsider);

        assertThat(refusal(owner.callTool("set_member_role", args(outsider, "viewer")))).contains("no member").contains("list_members");
        assertThat(refusal(owner.callTool("set_member_role", args("no-such-user-id", "viewer")))).contains("no member");
    }

    @Test
    void anAdminRemovesAMemberWhoseConversationMovesToTheirPersonalOrg() {
        jakarta.json.JsonObject removed = structured(admin.callTool("remove_member", "{\"user\":\"" + memberEmail + "\",\"confirm\":true}"));

        assertThat(removed.getString("removed")).isEqualTo(memberEmail);
        assertThat(removed.getString("role")).isEqualTo("member");
        jakarta.json.JsonObject whoami = structured(member.callTool("whoami", "{}"));
        assertThat(whoami.getJsonObject("org").getString("name")).isNotEqualTo("Roles team");
        assertThat(structured(member.callTool("list_orgs", "{}")).toString()).doesNotContain("Roles team");
        assertThat(refusal(owner.callTool("remove_member", "{\"user\":\"" + memberEmail + "\"}"))).contains("no member");
    }

    @Test
    void onlyAnOwnerRemovesAnOwnerAndNobodyRemovesThemselves() {
        setRole(owner, memberEmail, "owner");

        assertThat(refusal(admin.callTool("remove_member", "{\"user\":\"" + memberEmail + "\"}"))).contains("only an owner");
        assertThat(refusal(owner.callTool("remove_member", "{\"user\":\"" + ownerEmail + "\"}"))).contains("leave_org");
        assertThat(structured(owner.callTool("remove_member", "{\"user\":\"" + memberEmail + "\",\"confirm\":true}")).getString("role"))
                .isEqualTo("owner");
        assertThat(role(owner)).isEqualTo("owner");
    }

    @Test
    void membersCannotRemoveAnyone() {
        assertThat(refusal(member.callTool("remove_member", "{\"user\":\"" + adminEmail + "\"}"))).contains("does not allow");
        assertThat(role(admin)).isEqualTo("admin");
    }

    @Test
    void aWithdrawnInvitationNoLongerAdmitsThePersonToTheOrg() {
        String invitee = email("invitee");
        structured(owner.callTool("invite_member", "{\"email\":\"" + invitee + "\",\"role\":\"member\"}"));

        assertThat(structured(owner.callTool("remove_member", "{\"user\":\"" + invitee + "\",\"confirm\":true}")).getString("invitation_withdrawn"))
                .isEqualTo(invitee);

        assertThat(structured(owner.callTool("list_members", "{}")).toString()).doesNotContain(invitee);
        RawMcp later = session(server, invitee);
        assertThat(structured(later.callTool("list_orgs", "{}")).toString()).doesNotContain("Roles team");
    }

    private static String args(String user, String role) {
        return "{\"user\":\"" + user + "\",\"role\":\"" + role + "\"}";
    }

    private static jakarta.json.JsonObject setRole(RawMcp caller, String user, String role) {
        return structured(caller.callTool("set_member_role", args(user, role)));
    }

    private static String role(RawMcp mcp) {
        return structured(mcp.callTool("whoami", "{}")).getJsonObject("org").getString("role");
    }
}

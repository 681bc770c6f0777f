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
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** leave_org: a member leaves and the conversation moves back to Personal; the personal org and a needed last owner stay. */
class LeaveOrgIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void aMemberLeavesAndTheConversationMovesBackToPersonal() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Leavable team");
        String memberEmail = email("member");
        RawMcp member = session(server, memberEmail);
        structured(owner.callTool("invite_member", "{\"email\":\"" + memberEmail + "\",\"role\":\"member\"}"));
        People.accept(member, org);
        structured(member.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));

        JsonObject left = structured(member.callTool("leave_org", "{\"org_id\":\"" + org + "\",\"confirm\":true}"));

        assertThat(left.getString("current_org")).isEqualTo("personal");
        assertThat(structured(member.callTool("whoami", "{}")).getJsonObject("org").getBoolean("personal")).isTrue();
        assertThat(structured(member.callTool("list_orgs", "{}")).toString()).doesNotContain(org);
        assertThat(structured(owner.callTool("list_members", "{}")).toString()).doesNotContain(memberEmail);
    }

    @Test
    void anotherConversationInTheOrgLeftFallsBackToPersonalOnItsNextCall() {
        String ownerEmail = email("owner");
        RawMcp owner = session(server, ownerEmail);
        String org = sharedOrg(owner, "Left elsewhere");
        String memberEmail = email("member");
        RawMcp here = session(server, memberEmail);
        structured(owner.callTool("invite_member", "{\"email\":\"" + memberEmail + "\",\"role\":\"member\"}"));
        People.accept(here, org);
        structured(here.callTool("switch_org", "{\"org_id\":\"" + org + "\"}"));
        RawMcp elsewhere = session(server, memberEmail);

        structured(elsewhere.callTool("leave_org", "{\"org_id\":\"" + org + "\",\"confirm\":true}"));

        JsonObject whoami = structured(here.callTool("whoami", "{}"));
        assertThat(whoami.getJsonObject("org").getBoolean("personal")).isTrue();
        assertThat(whoami.getJsonObject("org").getString("id")).isNotEqualTo(org);
        assertThat(structured(here.callTool("list_members", "{}")).toString()).contains(memberEmail).doesNotContain(ownerEmail);
    }

    @Test
    void thePersonalOrgCannotBeLeft() {
        RawMcp person = session(server, email("person"));
        String personal = structured(person.callTool("whoami", "{}")).getJsonObject("org").getString("id");

        assertThat(refusal(person.callTool("leave_org", "{\"org_id\":\"" + personal + "\"}"))).contains("personal org");
    }

    @Test
    void theLastOwnerLeavesOnlyWhenNobodyElseRemains() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Owned team");
        String otherEmail = email("other");
        RawMcp other = session(server, otherEmail);
        structured(owner.callTool("invite_member", "{\"email\":\"" + otherEmail + "\",\"role\":\"admin\"}"));
        People.accept(other, org);

        assertThat(refusal(owner.callTool("leave_org", "{\"org_id\":\"" + org + "\"}"))).contains("last owner").contains("set_member_role");

        structured(owner.callTool("set_member_role", "{\"user\":\"" + otherEmail + "\",\"role\":\"owner\"}"));
        assertThat(structured(owner.callTool("leave_org", "{\"org_id\":\"" + org + "\",\"confirm\":true}")).getString("left_org_id")).isEqualTo(org);
    }

    @Test
    void aSoleOwnerMayLeaveTheirOwnOrgWhichKeepsNoInvitations() {
        RawMcp owner = session(server, email("owner"));
        String org = sharedOrg(owner, "Lonely team");
        String invitee = email("invitee");
        structured(owner.callTool("invite_member", "{\"email\":\"" + invitee + "\",\"role\":\"member\"}"));

        structured(owner.callTool("leave_org", "{\"org_id\":\"" + org + "\",\"confirm\":true}"));

        RawMcp late = session(server, invitee);
        assertThat(structured(late.callTool("list_orgs", "{}")).toString()).as("the invitation went with the org's last member")
                .doesNotContain(org);
    }

    @Test
    void anOrgOfOthersIsNotFound() {
        RawMcp stranger = session(server, email("owner"));
        String org = sharedOrg(stranger, "Someone else's team");
        RawMcp person = session(server, email("person"));

        assertThat(refusal(person.callTool("leave_org", "{\"org_id\":\"" + org + "\"}"))).contains("no org").contains("list_orgs");
    }
}

package io.mcprospero.org;

import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonObjectBuilder;

/** How members and pending invitations appear in tool results. */
final class MemberViews {

    private MemberViews() {
    }

    static JsonObjectBuilder of(Membership membership) {
        JsonObjectBuilder member = Jsons.object()
                .add("user_id", membership.user().id())
                .add("email", membership.user().email())
                .add("role", membership.role().wireName());
        if (membership.user().displayName() != null) {
            member.add("name", membership.user().displayName());
        }
        return member;
    }

    static JsonObjectBuilder of(Invitation invitation) {
        return Jsons.object()
                .add("email", invitation.email())
                .add("role", invitation.role().wireName())
                .add("invited_at", invitation.createdAt().toString());
    }
}

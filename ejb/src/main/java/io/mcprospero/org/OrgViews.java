package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.persistence.org.Membership;
import jakarta.json.JsonObjectBuilder;

/** How orgs appear in tool results. The personal org is shown as "Personal": it is not something to manage. */
final class OrgViews {

    private OrgViews() {
    }

    static JsonObjectBuilder of(Membership membership, boolean current) {
        return Jsons.object()
                .add("id", membership.org().id())
                .add("name", displayName(membership.org().name(), membership.org().isPersonal()))
                .add("personal", membership.org().isPersonal())
                .add("role", membership.role().wireName())
                .add("current", current);
    }

    static String displayName(String name, boolean personal) {
        return personal ? "Personal" : name;
    }
}

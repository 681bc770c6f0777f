package io.mcprospero.admin;

import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.signup.AllowlistEntryView;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** How allowlist entries, users and memberships appear to platform admins, the same in the admin tool and the admin API. */
public final class AdminViews {

    private AdminViews() {
    }

    public static JsonArrayBuilder entries(List<AllowlistEntryView> entries) {
        JsonArrayBuilder listed = Jsons.array();
        entries.forEach(entry -> listed.add(entry(entry)));
        return listed;
    }

    public static JsonObjectBuilder entry(AllowlistEntryView entry) {
        JsonObjectBuilder json = Jsons.object().add("entry", entry.entry()).add("source", entry.source().wireName());
        if (entry.addedBy() != null) {
            json.add("added_by", entry.addedBy()).add("added_at", entry.addedAt().toString());
        }
        return json;
    }

    public static JsonArrayBuilder users(List<User> users, Predicate<String> platformAdmin) {
        JsonArrayBuilder listed = Jsons.array();
        users.forEach(user -> listed.add(user(user, platformAdmin.test(user.email()))));
        return listed;
    }

    public static JsonObjectBuilder user(User user, boolean platformAdmin) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", user.id())
                .add("email", user.email())
                .add("status", user.status().name().toLowerCase(Locale.ROOT))
                .add("created_at", user.createdAt().toString())
                .add("identity_linked", user.isLinked())
                .add("platform_admin", platformAdmin);
        if (user.displayName() != null) {
            json.add("name", user.displayName());
        }
        return json;
    }

    public static JsonObjectBuilder membership(Membership membership) {
        return Jsons.object()
                .add("org_id", membership.org().id())
                .add("org_name", membership.org().name())
                .add("user_id", membership.user().id())
                .add("email", membership.user().email())
                .add("role", membership.role().wireName());
    }
}

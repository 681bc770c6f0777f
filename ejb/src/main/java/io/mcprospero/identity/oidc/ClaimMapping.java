package io.mcprospero.identity.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads a person out of verified claims by the configured claim names; tolerant of the shapes providers use. */
public final class ClaimMapping {

    private ClaimMapping() {
    }

    public static UpstreamIdentity map(String issuer, String subject, Map<String, Object> claims, ClaimNames names) {
        return new UpstreamIdentity(issuer, subject, text(claims.get(names.email())), truthy(claims.get(names.emailVerified())),
                text(claims.get(names.name())), names.orgId() == null ? null : text(claims.get(names.orgId())),
                names.roles() == null ? List.of() : roles(claims.get(names.roles())));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    /** Zitadel sends an object keyed by role name; others an array, or a space-separated string. */
    private static List<String> roles(Object value) {
        List<String> roles = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> roles.add(key.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(role -> roles.add(role.toString()));
        } else if (value != null) {
            for (String role : value.toString().split("[\\s,]+")) {
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}

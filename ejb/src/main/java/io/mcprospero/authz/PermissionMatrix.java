package io.mcprospero.authz;

import io.mcprospero.persistence.org.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The one place that says which role may do what. Every tool and endpoint asks {@link Authorization}, which asks this. */
public final class PermissionMatrix {

    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        Set<Permission> viewer = EnumSet.of(Permission.VIEW_ORG, Permission.VIEW_AGENTS);
        Set<Permission> member = EnumSet.copyOf(viewer);
        member.addAll(EnumSet.of(Permission.MANAGE_AGENTS, Permission.RUN_AGENTS, Permission.MANAGE_CONNECTIONS));
        Set<Permission> admin = EnumSet.copyOf(member);
        admin.addAll(EnumSet.of(Permission.INVITE_MEMBERS, Permission.CHANGE_ROLES));
        Set<Permission> owner = EnumSet.copyOf(admin);
        owner.addAll(EnumSet.of(Permission.RENAME_ORG, Permission.MANAGE_OWNERS));
        GRANTS.put(Role.VIEWER, viewer);
        GRANTS.put(Role.MEMBER, member);
        GRANTS.put(Role.ADMIN, admin);
        GRANTS.put(Role.OWNER, owner);
    }

    private PermissionMatrix() {
    }

    public static boolean allows(Role role, Permission permission) {
        return role != null && GRANTS.get(role).contains(permission);
    }

    /** Whether a member with this role may hand out (invite with, or change someone to) the given role. */
    public static boolean allowsAssigning(Role role, Role assigned) {
        return assigned != Role.OWNER || allows(role, Permission.MANAGE_OWNERS);
    }
}

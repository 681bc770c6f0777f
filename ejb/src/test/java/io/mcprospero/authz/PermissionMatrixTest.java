package io.mcprospero.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.persistence.org.Role;
import org.junit.jupiter.api.Test;

class PermissionMatrixTest {

    @Test
    void eachRoleHoldsWhatTheRoleBelowItHoldsAndMore() {
        for (Permission permission : Permission.values()) {
            if (PermissionMatrix.allows(Role.VIEWER, permission)) {
                assertThat(PermissionMatrix.allows(Role.MEMBER, permission)).isTrue();
            }
            if (PermissionMatrix.allows(Role.MEMBER, permission)) {
                assertThat(PermissionMatrix.allows(Role.ADMIN, permission)).isTrue();
            }
            if (PermissionMatrix.allows(Role.ADMIN, permission)) {
                assertThat(PermissionMatrix.allows(Role.OWNER, permission)).isTrue();
            }
        }
    }

    @Test
    void viewersOnlyLookAndOnlyOwnersRename() {
        assertThat(PermissionMatrix.allows(Role.VIEWER, Permission.VIEW_AGENTS)).isTrue();
        assertThat(PermissionMatrix.allows(Role.VIEWER, Permission.MANAGE_AGENTS)).isFalse();
        assertThat(PermissionMatrix.allows(Role.MEMBER, Permission.INVITE_MEMBERS)).isFalse();
        assertThat(PermissionMatrix.allows(Role.ADMIN, Permission.RENAME_ORG)).isFalse();
        assertThat(PermissionMatrix.allows(Role.OWNER, Permission.RENAME_ORG)).isTrue();
        assertThat(PermissionMatrix.allows(null, Permission.VIEW_ORG)).as("no role, no permission").isFalse();
    }

    @Test
    void onlyOwnersHandOutOrTakeAwayOwnership() {
        assertThat(PermissionMatrix.allows(Role.OWNER, Permission.MANAGE_OWNERS)).isTrue();
        assertThat(PermissionMatrix.allows(Role.ADMIN, Permission.MANAGE_OWNERS)).isFalse();
        assertThat(PermissionMatrix.allowsAssigning(Role.OWNER, Role.OWNER)).isTrue();
        assertThat(PermissionMatrix.allowsAssigning(Role.ADMIN, Role.OWNER)).isFalse();
        assertThat(PermissionMatrix.allowsAssigning(Role.ADMIN, Role.ADMIN)).as("admins invite up to admin").isTrue();
        assertThat(PermissionMatrix.allowsAssigning(Role.ADMIN, Role.VIEWER)).isTrue();
    }

    @Test
    void invitingAndChangingRolesIsForOwnersAndAdmins() {
        for (Role role : Role.values()) {
            boolean manager = role == Role.OWNER || role == Role.ADMIN;
            assertThat(PermissionMatrix.allows(role, Permission.INVITE_MEMBERS)).as(role.name()).isEqualTo(manager);
            assertThat(PermissionMatrix.allows(role, Permission.CHANGE_ROLES)).as(role.name()).isEqualTo(manager);
        }
    }
}

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
}

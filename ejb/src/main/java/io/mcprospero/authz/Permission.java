package io.mcprospero.authz;

/** What a member may be allowed to do inside an org. Which role holds which permission: {@link PermissionMatrix}. */
public enum Permission {
    VIEW_ORG,
    RENAME_ORG,
    INVITE_MEMBERS,
    CHANGE_ROLES,
    /** Making someone an owner, or an owner something else: on top of INVITE_MEMBERS or CHANGE_ROLES. */
    MANAGE_OWNERS,
    VIEW_AGENTS,
    MANAGE_AGENTS,
    RUN_AGENTS,
    MANAGE_CONNECTIONS
}

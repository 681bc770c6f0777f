package io.mcprospero.authz;

import io.mcprospero.persistence.org.Role;

/**
 * Who is asking, in which org and with which role, established from a verified bearer token and the
 * grant's current org (or an org the call names); the membership is re-read from the database on every request, so a removed
 * member loses access at once.
 */
public record Caller(String userId, String email, String displayName, String orgId, String orgName, boolean personalOrg, Role role) {
}

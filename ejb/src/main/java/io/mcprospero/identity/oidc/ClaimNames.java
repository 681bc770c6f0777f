package io.mcprospero.identity.oidc;

/**
 * Which claims carry what. Zitadel: email, email_verified, name,
 * {@code urn:zitadel:iam:user:resourceowner:id} (the person's org) and
 * {@code urn:zitadel:iam:org:project:roles} (project roles, an object keyed by role).
 */
public record ClaimNames(String email, String emailVerified, String name, String orgId, String roles) {
}

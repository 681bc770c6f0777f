package io.mcprospero.org;

import io.mcprospero.persistence.org.Role;

/**
 * The outcome of an invitation: the person already had an account and is a member now, or the invitation
 * waits for their first sign-in (and {@code updated} says that an earlier one for the email got the new role).
 */
public record Invited(String email, Role role, boolean memberNow, boolean updated) {
}

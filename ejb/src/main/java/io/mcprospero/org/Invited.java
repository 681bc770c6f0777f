package io.mcprospero.org;

import io.mcprospero.persistence.org.Role;

/**
 * The outcome of an invitation, which always waits for its person to accept it; {@code updated} says that an earlier
 * invitation for the email got the new role. Whether the email has an account is deliberately not part of it.
 */
public record Invited(String email, Role role, boolean updated) {
}

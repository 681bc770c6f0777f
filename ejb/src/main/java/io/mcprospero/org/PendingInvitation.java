package io.mcprospero.org;

import io.mcprospero.persistence.org.Role;
import java.time.Instant;

/** An invitation waiting for the signed-in person, as they see it: which org, which role, who invited them, when. */
public record PendingInvitation(String orgId, String orgName, Role role, String invitedBy, Instant invitedAt) {
}

package io.mcprospero.org;

import io.mcprospero.persistence.identity.User;
import jakarta.enterprise.context.ApplicationScoped;

/** Pending invitations (placeholder until invitations land). */
@ApplicationScoped
public class Invitations {

    public void acceptPendingFor(User user) {
        // nothing pending yet
    }
}

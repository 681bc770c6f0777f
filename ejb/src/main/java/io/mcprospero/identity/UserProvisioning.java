package io.mcprospero.identity;

import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.org.Invitations;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Turns a signed-in identity into a MCProspero user: on first sign-in it creates the user, their
 * invisible personal org and the owner membership, in one transaction; at every sign-in the person's pending
 * invitations become memberships.
 */
@ApplicationScoped
public class UserProvisioning {

    private static final Logger LOG = Logger.getLogger(UserProvisioning.class.getName());

    private EntityManager entityManager;
    private Invitations invitations;
    private Clock clock;

    protected UserProvisioning() {
        // for the CDI proxy
    }

    @Inject
    public UserProvisioning(EntityManager entityManager, Invitations invitations, Clock clock) {
        this.entityManager = entityManager;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** The user with this (verified) email, created with a personal org at the first sign-in. */
    @Transactional
    public User signedIn(String verifiedEmail, String displayName) {
        String email = User.normalizeEmail(verifiedEmail);
        List<User> existing = entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultList();
        if (!existing.isEmpty()) {
            User user = existing.get(0);
            if (!user.isActive()) {
                throw new NotAuthorized("this account is disabled; ask an administrator of MCProspero");
            }
            invitations.acceptPendingFor(user);
            return user;
        }
        User user = User.register(email, displayName, clock.instant());
        Org personal = Org.personalFor(email, clock.instant());
        entityManager.persist(user);
        entityManager.persist(personal);
        entityManager.persist(new Membership(personal, user, Role.OWNER, clock.instant()));
        invitations.acceptPendingFor(user);
        entityManager.flush();
        LOG.info(() -> "provisioned a new user " + user.id() + " with personal org " + personal.id());
        return user;
    }
}

package io.mcprospero.org;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
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

/** Orgs and memberships: what a user belongs to, creating orgs, the personal org. */
@ApplicationScoped
public class Orgs {

    private EntityManager entityManager;
    private Clock clock;

    protected Orgs() {
        // for the CDI proxy
    }

    @Inject
    public Orgs(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The user's memberships, personal org first, then by name. */
    @Transactional
    public List<Membership> membershipsOf(String userId) {
        return entityManager.createNamedQuery(Membership.OF_USER, Membership.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    @Transactional
    public Org personalOrgOf(String userId) {
        return membershipsOf(userId).stream()
                .map(Membership::org)
                .filter(Org::isPersonal)
                .findFirst()
                .orElseThrow(() -> new NotFound("no personal org for this user; sign in again to have it created"));
    }

    /** A new shared org with the creator as its owner. */
    @Transactional
    public Membership create(String creatorUserId, String name) {
        User creator = entityManager.find(User.class, creatorUserId);
        if (creator == null) {
            throw new NotFound("unknown user");
        }
        Org org;
        try {
            org = Org.named(name, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
        Membership owner = new Membership(org, creator, Role.OWNER, clock.instant());
        entityManager.persist(org);
        entityManager.persist(owner);
        return owner;
    }
}

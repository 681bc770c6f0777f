package io.mcprospero.incontainer;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.identity.SignedInPerson;
import io.mcprospero.identity.UserProvisioning;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** People signed in as local sign-in admits them (user, personal org, owner), and the caller each is in that org. */
@Dependent
class People {

    @Inject
    UserProvisioning provisioning;
    @Inject
    Authorization authorization;
    @Inject
    Transactions transactions;
    @Inject
    EntityManager entityManager;

    /** A new person, as the owner of their personal org. */
    Caller newPerson(String who) {
        User user = provisioning.signedIn(SignedInPerson.local(who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        return transactions.inOne(() -> {
            String personalOrg = entityManager.createNamedQuery(Membership.OF_USER, Membership.class).setParameter("userId", user.id())
                    .getResultList().get(0).org().id();
            return authorization.callerIn(user.id(), personalOrg);
        });
    }
}

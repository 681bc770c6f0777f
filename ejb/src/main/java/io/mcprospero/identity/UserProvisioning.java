package io.mcprospero.identity;

import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.signup.SignupAllowlist;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a signed-in identity into a MCProspero user. On the first sign-in of someone the allowlist admits,
 * it creates the user, their invisible personal org and the owner membership in one transaction, exactly
 * once: when two first sign-ins of the same person race, the unique email makes one of them fail, and that
 * one then finds the user the other created.
 * <p>
 * Through the upstream provider a person is their (issuer, subject), not their email: once an account is linked to a
 * subject, a sign-in with the same email and another subject is refused ({@link IdentityLinkConflict}), whatever the
 * provider says about the email; a known subject is that account even if its email changed upstream. An account not
 * linked yet (made by local sign-in, or whose link a platform admin reset with {@code reset_identity_link}) is linked
 * by the first upstream sign-in with its email, and only if the provider verified that email.
 */
@ApplicationScoped
public class UserProvisioning {

    private static final Logger LOG = Logger.getLogger(UserProvisioning.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";

    private EntityManager entityManager;
    private Transactions transactions;
    private SignupAllowlist allowlist;
    private Clock clock;

    protected UserProvisioning() {
        // for the CDI proxy
    }

    @Inject
    public UserProvisioning(EntityManager entityManager, Transactions transactions, SignupAllowlist allowlist,
                            Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.allowlist = allowlist;
        this.clock = clock;
    }

    /**
     * The user for this verified identity; throws {@link NotAdmitted} for a newcomer the allowlist does not
     * admit (nothing is written) and {@link AccountDisabled} for a disabled account.
     */
    public User signedIn(SignedInPerson person) {
        String email = User.normalizeEmail(person.email());
        try {
            return transactions.inOne(() -> findOrCreate(email, person));
        } catch (RuntimeException failed) {
            if (!isUniqueViolation(failed)) {
                throw failed;
            }
            LOG.fine("a concurrent first sign-in created the user; using theirs");
            return transactions.inOne(() -> existing(email).map(user -> signedInAgain(user, person))
                    .orElseThrow(() -> failed));
        }
    }

    private User findOrCreate(String email, SignedInPerson person) {
        Optional<User> known = person.viaAccessCode() ? existing(email) : linkedTo(person.upstream()).or(() -> existing(email));
        if (known.isPresent()) {
            return signedInAgain(known.get(), person);
        }
        if (!person.viaAccessCode() && !allowlist.admits(email)) {
            throw new NotAdmitted();
        }
        User user = User.register(email, person.name(), clock.instant());
        link(user, person);
        Org personal = Org.personalFor(email, clock.instant());
        entityManager.persist(user);
        entityManager.persist(personal);
        entityManager.persist(new Membership(personal, user, Role.OWNER, clock.instant()));
        entityManager.flush();
        LOG.info(() -> "provisioned a new user " + user.id() + " with personal org " + personal.id());
        return user;
    }

    private User signedInAgain(User user, SignedInPerson person) {
        if (!user.isActive()) {
            throw new AccountDisabled();
        }
        if (person.upstream() != null) {
            linkExisting(user, person.upstream());
        }
        return user;
    }

    private static void link(User user, SignedInPerson person) {
        if (person.upstream() != null) {
            user.linkUpstream(person.upstream().issuer(), person.upstream().subject(), person.upstream().orgId());
        }
    }

    /** An account that existed before this sign-in: the same identity signs in again, or an unlinked account is claimed. */
    private static void linkExisting(User user, SignedInPerson.Upstream upstream) {
        if (user.isLinked() && !user.isLinkedTo(upstream.issuer(), upstream.subject())) {
            LOG.warning(() -> "refused an upstream sign-in for user " + user.id() + ": their email came with another subject");
            throw new IdentityLinkConflict("this email address belongs to a MCProspero account that signs in with another "
                    + "identity at your sign-in provider, so this sign-in cannot use it. If the account is yours and you lost the "
                    + "old identity, ask a platform admin to reset its link (admin action reset_identity_link), then sign in again.");
        }
        if (!user.isLinked() && !upstream.emailVerified()) {
            throw new IdentityLinkConflict("an existing account uses this email address, and your sign-in provider has not "
                    + "verified it; verify the address at the provider, then sign in again");
        }
        user.linkUpstream(upstream.issuer(), upstream.subject(), upstream.orgId());
    }

    private Optional<User> linkedTo(SignedInPerson.Upstream upstream) {
        return entityManager.createNamedQuery(User.BY_UPSTREAM, User.class)
                .setParameter("issuer", upstream.issuer())
                .setParameter("subject", upstream.subject())
                .getResultStream()
                .findFirst();
    }

    private Optional<User> existing(String email) {
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

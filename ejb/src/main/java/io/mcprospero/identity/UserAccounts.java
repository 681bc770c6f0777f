package io.mcprospero.identity;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
import io.mcprospero.grants.Grants;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.mcp.McpSession;
import io.mcprospero.persistence.oauth.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The people known to MCProspero, for platform admins: finding one by id or email, listing, disabling and
 * enabling. Disabling takes effect at once: grants and refresh tokens are revoked and MCP sessions ended here, and
 * access tokens of a disabled user are refused on every request (the grant read of each request sees both).
 */
@ApplicationScoped
public class UserAccounts {

    private static final Logger LOG = Logger.getLogger(UserAccounts.class.getName());

    private EntityManager entityManager;
    private Grants grants;
    private Clock clock;

    protected UserAccounts() {
        // for the CDI proxy
    }

    @Inject
    public UserAccounts(EntityManager entityManager, Grants grants, Clock clock) {
        this.entityManager = entityManager;
        this.grants = grants;
        this.clock = clock;
    }

    /** A user named by email (anything with an @) or by id; empty when there is none. */
    @Transactional
    public Optional<User> find(String emailOrId) {
        String reference = emailOrId == null ? "" : emailOrId.strip();
        if (reference.isEmpty()) {
            throw new InvalidInput("name the user by email or id");
        }
        if (!reference.contains("@")) {
            return Optional.ofNullable(reference.length() > 36 ? null : entityManager.find(User.class, reference));
        }
        String email;
        try {
            email = User.normalizeEmail(reference);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email).getResultStream().findFirst();
    }

    @Transactional
    public List<User> all() {
        return entityManager.createNamedQuery(User.ALL, User.class).getResultList();
    }

    /** Disables the user and ends what they hold: refresh tokens and MCP sessions. An admin cannot disable themselves. */
    @Transactional
    public User disable(String emailOrId, String adminEmail) {
        User user = disablable(emailOrId, adminEmail);
        user.disable();
        LOG.info(() -> "disabled user " + user.id() + ": " + endSignIns(user));
        return user;
    }

    /**
     * The explicit linking step of OIDC sign-in: forgets which upstream identity (issuer, subject) the account belongs
     * to, so that the next sign-in with its email, verified by the provider, links it anew, and ends the sign-ins the old
     * identity holds. For a person who lost their old identity at the provider; an admin cannot reset their own.
     */
    @Transactional
    public User resetIdentityLink(String emailOrId, String adminEmail) {
        User user = identityResettable(emailOrId, adminEmail);
        user.resetUpstreamLink();
        LOG.info(() -> "reset the upstream identity link of user " + user.id() + ": " + endSignIns(user));
        return user;
    }

    /** The account {@link #resetIdentityLink} would reset, or its refusal, with nothing changed. */
    @Transactional
    public User identityResettable(String emailOrId, String adminEmail) {
        User user = existing(emailOrId);
        if (user.email().equals(adminEmail)) {
            throw new InvalidInput("you cannot reset the identity link of your own account; ask another platform admin");
        }
        if (!user.isLinked()) {
            throw new InvalidInput(user.email() + " is not linked to an upstream identity; its next verified sign-in links it");
        }
        return user;
    }

    /** Revokes the user's grants and refresh tokens and ends their MCP sessions; says how many, for the log. */
    private String endSignIns(User user) {
        Instant now = clock.instant();
        int revoked = entityManager.createNamedQuery(RefreshToken.REVOKE_USER)
                .setParameter("userId", user.id()).setParameter("now", now).executeUpdate();
        int ended = entityManager.createNamedQuery(McpSession.END_ALL_OF_USER)
                .setParameter("userId", user.id()).setParameter("now", now).executeUpdate();
        int grantsEnded = grants.revokeAllOf(user.id());
        return grantsEnded + " grants and " + revoked + " refresh tokens revoked, " + ended + " MCP sessions ended";
    }

    /** The account {@link #disable} would disable, or its refusal, with nothing changed. */
    @Transactional
    public User disablable(String emailOrId, String adminEmail) {
        User user = existing(emailOrId);
        if (user.email().equals(adminEmail)) {
            throw new InvalidInput("you cannot disable your own account; ask another platform admin");
        }
        return user;
    }

    @Transactional
    public User enable(String emailOrId) {
        User user = existing(emailOrId);
        user.enable();
        LOG.info(() -> "enabled user " + user.id());
        return user;
    }

    private User existing(String emailOrId) {
        return find(emailOrId).orElseThrow(() -> new NotFound("no user '" + emailOrId.strip() + "'; call list_users to see them"));
    }
}

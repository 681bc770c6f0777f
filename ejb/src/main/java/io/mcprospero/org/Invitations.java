package io.mcprospero.org;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
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
 * Inviting people into the caller's current org. Every invitation waits for its person, whether or not they have an
 * account: it admits their email to sign up, and becomes a membership only when they accept it (at sign-in, or with
 * accept_invitation). So nobody is put into an org they did not choose, and the inviter learns nothing about who has
 * an account: the answer is the same either way.
 */
@ApplicationScoped
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class.getName());

    private EntityManager entityManager;
    private Authorization authorization;
    private Clock clock;

    protected Invitations() {
        // for the CDI proxy
    }

    @Inject
    public Invitations(EntityManager entityManager, Authorization authorization, Clock clock) {
        this.entityManager = entityManager;
        this.authorization = authorization;
        this.clock = clock;
    }

    @Transactional
    public Invited invite(Caller caller, String email, Role role) {
        authorization.require(caller, Permission.INVITE_MEMBERS);
        authorization.requireMayAssign(caller, role);
        if (caller.personalOrg()) {
            throw new InvalidInput("your personal org is just for you and cannot have members; create a shared org with "
                    + "create_org, switch_org to it, and invite there");
        }
        String invitee = normalized(email);
        Org org = entityManager.find(Org.class, caller.orgId());
        Instant now = clock.instant();
        Optional<User> existing = entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", invitee).getResultStream().findFirst();
        // a member is already listed to whoever may invite (list_members), so saying so reveals nothing
        Optional<Membership> membership = existing.flatMap(user -> membershipOf(user, org.id()));
        if (membership.isPresent()) {
            throw new Conflict(invitee + " is already a member of this org as " + membership.get().role().wireName()
                    + "; call set_member_role to change the role");
        }
        Optional<Invitation> pending = entityManager.createNamedQuery(Invitation.FOR_EMAIL_IN_ORG, Invitation.class)
                .setParameter("orgId", org.id()).setParameter("email", invitee).getResultStream().findFirst();
        if (pending.isPresent()) {
            pending.get().changeRole(role);
            return new Invited(invitee, role, true);
        }
        entityManager.persist(new Invitation(org, invitee, role, entityManager.find(User.class, caller.userId()), now));
        return new Invited(invitee, role, false);
    }

    /** Withdraws the pending invitation of this email into the caller's current org; the person is no longer admitted by it. */
    @Transactional
    public Invitation cancel(Caller caller, String email) {
        Invitation pending = cancellable(caller, email);
        entityManager.remove(pending);
        return pending;
    }

    /** The pending invitation {@link #cancel} would withdraw, or its refusal, with nothing changed. */
    @Transactional
    public Invitation cancellable(Caller caller, String email) {
        authorization.require(caller, Permission.INVITE_MEMBERS);
        Invitation pending = pendingFor(caller.orgId(), email);
        if (pending == null) {
            throw new NotFound("no member or pending invitation '" + email.strip() + "' in this org; call list_members to see them");
        }
        authorization.requireMayAssign(caller, pending.role());
        return pending;
    }

    private Invitation pendingFor(String orgId, String email) {
        String invitee;
        try {
            invitee = User.normalizeEmail(email);
        } catch (IllegalArgumentException notAnEmail) {
            // a user id, or a typo: there is no invitation by that
            return null;
        }
        return entityManager.createNamedQuery(Invitation.FOR_EMAIL_IN_ORG, Invitation.class)
                .setParameter("orgId", orgId).setParameter("email", invitee).getResultStream().findFirst().orElse(null);
    }

    /** The pending invitations of the caller's current org (their emails are shown to those who may invite). */
    @Transactional
    public List<Invitation> pendingIn(Caller caller) {
        authorization.require(caller, Permission.INVITE_MEMBERS);
        return entityManager.createNamedQuery(Invitation.IN_ORG, Invitation.class).setParameter("orgId", caller.orgId()).getResultList();
    }

    /** The invitations waiting for this person (by their email). */
    @Transactional
    public List<PendingInvitation> waitingFor(String userId) {
        return invitationsOf(userId).stream().map(invitation -> new PendingInvitation(invitation.org().id(),
                invitation.org().name(), invitation.role(), invitation.invitedBy().email(), invitation.createdAt())).toList();
    }

    private List<Invitation> invitationsOf(String userId) {
        User user = entityManager.find(User.class, userId);
        if (user == null) {
            return List.of();
        }
        return entityManager.createNamedQuery(Invitation.FOR_EMAIL, Invitation.class).setParameter("email", user.email()).getResultList();
    }

    /**
     * The person accepts the invitation into this org: it becomes their membership with the invited role. Only the
     * invitee can: the invitation is found by their own email.
     */
    @Transactional
    public Membership accept(String userId, String orgId) {
        User user = entityManager.find(User.class, userId);
        Invitation invitation = invitationsOf(userId).stream().filter(candidate -> candidate.org().id().equals(orgId)).findFirst()
                .orElseThrow(() -> new NotFound("no invitation for you into org '" + orgId + "'; call list_invitations to see yours"));
        Optional<Membership> already = membershipOf(user, orgId);
        entityManager.remove(invitation);
        if (already.isPresent()) {
            return already.get();
        }
        Membership membership = invitation.acceptBy(user, clock.instant());
        entityManager.persist(membership);
        LOG.info(() -> "user " + userId + " accepted an invitation into org " + orgId);
        return membership;
    }

    private Optional<Membership> membershipOf(User user, String orgId) {
        return entityManager.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class)
                .setParameter("userId", user.id()).setParameter("orgId", orgId).getResultStream().findFirst();
    }

    private static String normalized(String email) {
        try {
            return User.normalizeEmail(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
    }
}

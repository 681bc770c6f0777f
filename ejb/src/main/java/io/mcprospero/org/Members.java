package io.mcprospero.org;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.identity.UserAccounts;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.mcp.ToolListChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The members of an org and their roles. Members act in their current org only; platform admins may set a
 * role in any shared org. Every org keeps at least one owner while it has members: role changes and leaving
 * lock the org row, so two owners cannot demote each other at the same moment.
 */
@ApplicationScoped
public class Members {

    private EntityManager entityManager;
    private Authorization authorization;
    private UserAccounts users;
    private ToolListChanges toolListChanges;
    private Clock clock;

    protected Members() {
        // for the CDI proxy
    }

    @Inject
    public Members(EntityManager entityManager, Authorization authorization, UserAccounts users, ToolListChanges toolListChanges,
                   Clock clock) {
        this.entityManager = entityManager;
        this.authorization = authorization;
        this.users = users;
        this.toolListChanges = toolListChanges;
        this.clock = clock;
    }

    @Transactional
    public List<Membership> of(Caller caller) {
        authorization.require(caller, Permission.VIEW_ORG);
        return entityManager.createNamedQuery(Membership.IN_ORG, Membership.class).setParameter("orgId", caller.orgId()).getResultList();
    }

    /** Changes a member's role in the caller's current org; only owners make or unmake owners. */
    @Transactional
    public Membership setRole(Caller caller, String emailOrId, Role role) {
        authorization.require(caller, Permission.CHANGE_ROLES);
        authorization.requireMayAssign(caller, role);
        Membership target = users.find(emailOrId)
                .flatMap(user -> membershipOf(user.id(), caller.orgId()))
                .orElseThrow(() -> new NotFound("no member '" + emailOrId.strip() + "' in this org; call list_members to see them"));
        authorization.requireMayAssign(caller, target.role());
        return changeRole(target, role);
    }

    /**
     * What {@link #remove} would refuse, refused without changing anything: the tool asks the person to confirm only a
     * removal that can happen. Empty when nobody with that email or id is a member here (it may be a pending invitation).
     */
    @Transactional
    public Optional<Membership> removable(Caller caller, String emailOrId) {
        authorization.require(caller, Permission.CHANGE_ROLES);
        if (caller.personalOrg()) {
            throw new InvalidInput("your personal org is just for you and has no other members");
        }
        Optional<Membership> target = users.find(emailOrId).flatMap(user -> membershipOf(user.id(), caller.orgId()));
        if (target.isEmpty()) {
            return target;
        }
        Membership member = target.get();
        if (member.user().id().equals(caller.userId())) {
            throw new InvalidInput("to leave this org yourself, call leave_org");
        }
        authorization.requireMayAssign(caller, member.role());
        if (member.role() == Role.OWNER && count(Membership.COUNT_WITH_ROLE_IN_ORG, caller.orgId(), Role.OWNER) == 1) {
            throw new Conflict(member.user().email() + " is the last owner of this org; make another member owner first");
        }
        return target;
    }

    /**
     * Removes a member from the caller's current org: owners and admins may, and only owners remove an owner. Empty
     * when nobody with that email or id is a member here (it may be a pending invitation). Leaving is leave_org's.
     */
    @Transactional
    public Optional<Membership> remove(Caller caller, String emailOrId) {
        authorization.require(caller, Permission.CHANGE_ROLES);
        // the same lock as role changes: an owner count read under it stays true until the removal commits
        entityManager.find(Org.class, caller.orgId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Membership> target = removable(caller, emailOrId);
        target.ifPresent(member -> {
            entityManager.remove(member);
            toolListChanges.changedFor(member.user().id());
        });
        return target;
    }

    /** A platform admin's change: any shared org, and someone not yet a member becomes one. */
    @Transactional
    public Membership setRoleAsPlatformAdmin(String orgId, String emailOrId, Role role) {
        Org org = orgId == null || orgId.length() > 36 ? null : entityManager.find(Org.class, orgId.strip());
        if (org == null) {
            throw new NotFound("no org with id '" + orgId + "'");
        }
        if (org.isPersonal()) {
            throw new InvalidInput("a personal org has exactly one member, its owner; roles are set in shared orgs");
        }
        User user = users.find(emailOrId)
                .orElseThrow(() -> new NotFound("no user '" + emailOrId.strip() + "'; call list_users to see them"));
        Optional<Membership> membership = membershipOf(user.id(), org.id());
        if (membership.isPresent()) {
            return changeRole(membership.get(), role);
        }
        Membership added = new Membership(org, user, role, clock.instant());
        entityManager.persist(added);
        toolListChanges.changedFor(user.id());
        return added;
    }

    /** What {@link #leave} would refuse, refused without changing anything (the person is asked only about a possible leave). */
    @Transactional
    public Org leavable(String userId, String orgId) {
        Caller member;
        try {
            member = authorization.callerIn(userId, orgId);
        } catch (NotAuthorized notMember) {
            // the same answer whether the org does not exist or belongs to others: ids are not an oracle
            throw new NotFound("you have no org with id '" + orgId + "'; call list_orgs to see yours");
        }
        if (member.personalOrg()) {
            throw new InvalidInput("your personal org is your own space and cannot be left");
        }
        Org org = entityManager.find(Org.class, orgId);
        if (member.role() == Role.OWNER && count(Membership.COUNT_IN_ORG, orgId, null) > 1
                && count(Membership.COUNT_WITH_ROLE_IN_ORG, orgId, Role.OWNER) == 1) {
            throw new Conflict("you are the last owner of " + org.name() + " and others are still members; make one of them owner "
                    + "with set_member_role first");
        }
        return org;
    }

    /** The user leaves one of their shared orgs; the last owner may only leave an org nobody else is in. */
    @Transactional
    public Org leave(String userId, String orgId) {
        if (orgId.length() <= 36) {
            // the owner count read by leavable stays true until the leave commits
            entityManager.find(Org.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        }
        Org org = leavable(userId, orgId);
        long members = count(Membership.COUNT_IN_ORG, orgId, null);
        entityManager.remove(membershipOf(userId, orgId).orElseThrow());
        toolListChanges.changedFor(userId);
        if (members == 1) {
            // nobody is left to answer for them
            entityManager.createNamedQuery(Invitation.DELETE_IN_ORG).setParameter("orgId", orgId).executeUpdate();
        }
        return org;
    }

    private Membership changeRole(Membership target, Role role) {
        String orgId = target.org().id();
        entityManager.find(Org.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        if (target.role() == Role.OWNER && role != Role.OWNER && count(Membership.COUNT_WITH_ROLE_IN_ORG, orgId, Role.OWNER) == 1) {
            throw new Conflict(target.user().email() + " is the last owner of this org; make another member owner first");
        }
        if (target.role() != role) {
            toolListChanges.changedFor(target.user().id());
        }
        target.changeRole(role);
        return target;
    }

    private Optional<Membership> membershipOf(String userId, String orgId) {
        return entityManager.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class)
                .setParameter("userId", userId).setParameter("orgId", orgId).getResultStream().findFirst();
    }

    private long count(String query, String orgId, Role role) {
        var counting = entityManager.createNamedQuery(query, Long.class).setParameter("orgId", orgId);
        if (role != null) {
            counting.setParameter("role", role);
        }
        return counting.getSingleResult();
    }
}

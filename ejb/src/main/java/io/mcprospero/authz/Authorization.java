package io.mcprospero.authz;

import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.oauth.GrantWithCaller;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/** Establishes callers and decides what they may do; security decisions are made here and nowhere else. */
@ApplicationScoped
public class Authorization {

    private EntityManager entityManager;
    private PlatformAdmins admins;

    protected Authorization() {
        // for the CDI proxy
    }

    @Inject
    public Authorization(EntityManager entityManager, PlatformAdmins admins) {
        this.entityManager = entityManager;
        this.admins = admins;
    }

    /** The caller acting in the given org; fails closed when the user is not (or no longer) a member. */
    public Caller callerIn(String userId, String orgId) {
        List<Membership> found = entityManager.createNamedQuery(Membership.OF_USER_IN_ORG, Membership.class)
                .setParameter("userId", userId)
                .setParameter("orgId", orgId)
                .getResultList();
        if (found.isEmpty() || !found.get(0).user().isActive()) {
            throw new NotAuthorized("you are not a member of this org any more; call list_orgs and switch_org to pick another");
        }
        return callerOf(found.get(0).user(), found.get(0).org(), found.get(0));
    }

    private static Caller callerOf(User user, Org org, Membership membership) {
        return new Caller(user.id(), user.email(), user.displayName(), org.id(), org.name(), org.isPersonal(), membership.role());
    }

    /** The caller in a grant's current org, as the request's one query read it; null when no longer a member. */
    public static Caller callerOf(GrantWithCaller grant) {
        return grant.isMember() ? new Caller(grant.userId(), grant.email(), grant.displayName(),
                grant.currentOrgId(), grant.orgName(), grant.personalOrg(), grant.role()) : null;
    }

    /**
     * The platform admin behind a verified token, for the admin API (the MCP admin tool is filtered by the tool
     * catalog); returns the admin's email, fails when the user is not an active platform admin.
     */
    public String requirePlatformAdmin(String userId) {
        User user = userId == null ? null : entityManager.find(User.class, userId);
        if (user == null || !user.isActive() || !admins.isAdminEmail(user.email())) {
            throw new NotAuthorized("only platform admins (mcprospero.admins) may use the admin API");
        }
        return user.email();
    }

    /** That the caller may give someone this role in the current org: only owners make (or unmake) owners. */
    public void requireMayAssign(Caller caller, Role role) {
        if (!PermissionMatrix.allowsAssigning(caller.role(), role)) {
            throw new NotAuthorized("only an owner of this org can make someone an owner or change an owner's role; "
                    + "you are " + caller.role().wireName());
        }
    }

    public void require(Caller caller, Permission permission) {
        if (!PermissionMatrix.allows(caller.role(), permission)) {
            throw new NotAuthorized("your role in this org (" + caller.role().wireName() + ") does not allow "
                    + permission.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "; ask an owner or admin of the org");
        }
    }
}

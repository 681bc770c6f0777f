package io.mcprospero.persistence.org;

import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** That a user belongs to an org, with a role. */
@Entity
@Table(name = "memberships")
@NamedQuery(name = Membership.OF_USER,
        query = "select m from Membership m join fetch m.org where m.user.id = :userId order by m.org.personal desc, m.org.name")
@NamedQuery(name = Membership.OF_USER_IN_ORG,
        query = "select m from Membership m join fetch m.org where m.user.id = :userId and m.org.id = :orgId")
@NamedQuery(name = Membership.IN_ORG,
        query = "select m from Membership m join fetch m.user where m.org.id = :orgId order by m.user.email")
@NamedQuery(name = Membership.COUNT_IN_ORG, query = "select count(m) from Membership m where m.org.id = :orgId")
@NamedQuery(name = Membership.COUNT_WITH_ROLE_IN_ORG,
        query = "select count(m) from Membership m where m.org.id = :orgId and m.role = :role")
public class Membership {

    public static final String OF_USER = "Membership.ofUser";
    public static final String OF_USER_IN_ORG = "Membership.ofUserInOrg";
    public static final String IN_ORG = "Membership.inOrg";
    public static final String COUNT_IN_ORG = "Membership.countInOrg";
    public static final String COUNT_WITH_ROLE_IN_ORG = "Membership.countWithRoleInOrg";

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id", nullable = false)
    private Org org;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    // The two foreign keys again, read-only, for JOIN ... ON conditions: EclipseLink turns m.user.id there into a
    // join of its own that it then leaves out of the FROM clause.
    @Column(name = "org_id", insertable = false, updatable = false)
    private String orgId;

    @Column(name = "user_id", insertable = false, updatable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(Org org, User user, Role role, Instant now) {
        this.id = Ids.newId();
        this.org = Require.present(org, "org");
        this.user = Require.present(user, "user");
        this.role = Require.present(role, "role");
        this.createdAt = Require.present(now, "creation time");
    }

    public void changeRole(Role newRole) {
        role = Require.present(newRole, "role");
    }

    public String id() {
        return id;
    }

    public Org org() {
        return org;
    }

    public User user() {
        return user;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

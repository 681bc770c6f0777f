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

/**
 * A membership waiting for its person: an email invited into a shared org with a role. It admits the email
 * to sign up, and becomes a {@link Membership} (and is deleted) when that person signs in.
 */
@Entity
@Table(name = "invitations")
@NamedQuery(name = Invitation.FOR_EMAIL, query = "select i from Invitation i join fetch i.org where i.email = :email")
@NamedQuery(name = Invitation.IN_ORG, query = "select i from Invitation i where i.org.id = :orgId order by i.email")
@NamedQuery(name = Invitation.FOR_EMAIL_IN_ORG, query = "select i from Invitation i where i.org.id = :orgId and i.email = :email")
@NamedQuery(name = Invitation.COUNT_FOR_EMAIL, query = "select count(i) from Invitation i where i.email = :email")
@NamedQuery(name = Invitation.DELETE_IN_ORG, query = "delete from Invitation i where i.org.id = :orgId")
public class Invitation {

    public static final String FOR_EMAIL = "Invitation.forEmail";
    public static final String IN_ORG = "Invitation.inOrg";
    public static final String FOR_EMAIL_IN_ORG = "Invitation.forEmailInOrg";
    public static final String COUNT_FOR_EMAIL = "Invitation.countForEmail";
    public static final String DELETE_IN_ORG = "Invitation.deleteInOrg";

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_id", nullable = false)
    private Org org;

    @Column(nullable = false, length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invited_by", nullable = false)
    private User invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(Org org, String email, Role role, User invitedBy, Instant now) {
        this.id = Ids.newId();
        this.org = Require.present(org, "org");
        if (org.isPersonal()) {
            throw new IllegalArgumentException("a personal org is for one person; invite into a shared org");
        }
        this.email = User.normalizeEmail(email);
        this.role = Require.present(role, "role");
        this.invitedBy = Require.present(invitedBy, "inviting user");
        this.createdAt = Require.present(now, "creation time");
    }

    public void changeRole(Role newRole) {
        role = Require.present(newRole, "role");
    }

    /** The membership this invitation stands for, for the person who signed in with its email. */
    public Membership acceptBy(User user, Instant now) {
        if (!user.email().equals(email)) {
            throw new IllegalArgumentException("this invitation is for another email");
        }
        return new Membership(org, user, role, now);
    }

    public String id() {
        return id;
    }

    public Org org() {
        return org;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public User invitedBy() {
        return invitedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

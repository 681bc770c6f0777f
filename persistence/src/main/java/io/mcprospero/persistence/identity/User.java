package io.mcprospero.persistence.identity;

import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person known to MCProspero: by email (what the allowlist and invitations go by) and, once they have signed in
 * through the upstream OpenID Connect provider, by that provider's (issuer, subject), which is who they are from then
 * on: another subject presenting the same email is someone else.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.BY_UPSTREAM, query = "select u from User u where u.upstreamIssuer = :issuer and u.upstreamSubject = :subject")
@NamedQuery(name = User.ALL, query = "select u from User u order by u.email")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String BY_UPSTREAM = "User.byUpstream";
    public static final String ALL = "User.all";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 320)
    private String email;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UserStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(name = "terms_version", length = 64)
    private String termsVersion;

    @Column(name = "terms_accepted_at")
    private Instant termsAcceptedAt;

    @Column(name = "upstream_issuer", length = 512)
    private String upstreamIssuer;

    @Column(name = "upstream_subject", length = 255)
    private String upstreamSubject;

    @Column(name = "upstream_org_id", length = 255)
    private String upstreamOrgId;

    @Version
    private long version;

    protected User() {
    }

    private User(String email, String displayName, Instant now) {
        this.id = Ids.newId();
        this.email = normalizeEmail(email);
        this.displayName = displayName == null || displayName.isBlank() ? null : Require.text(displayName, "name", 200);
        this.status = UserStatus.ACTIVE;
        this.createdAt = Require.present(now, "creation time");
    }

    public static User register(String email, String displayName, Instant now) {
        return new User(email, displayName, now);
    }

    /** Lower-cased, trimmed, and checked for the shape of an address; the identity provider proved ownership. */
    public static String normalizeEmail(String email) {
        String normalized = Require.text(email, "email", 320).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("email '" + normalized + "' is not an email address");
        }
        return normalized;
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public void disable() {
        status = UserStatus.DISABLED;
    }

    public void enable() {
        status = UserStatus.ACTIVE;
    }

    public void rename(String newName) {
        displayName = Require.text(newName, "name", 200);
    }

    /** Whether the welcome page must be shown: first sign-in, or terms changed since they were accepted. */
    public boolean needsWelcome(String currentTermsVersion) {
        return termsVersion == null || !termsVersion.equals(currentTermsVersion);
    }

    /** What the person confirmed on the welcome page. The caller validated the time zone against the IANA list. */
    public void welcomed(String name, String ianaTimeZone, String acceptedTermsVersion, Instant now) {
        rename(name);
        this.timeZone = Require.text(ianaTimeZone, "time zone", 64);
        this.termsVersion = Require.text(acceptedTermsVersion, "terms version", 64);
        this.termsAcceptedAt = Require.present(now, "acceptance time");
    }

    /**
     * Binds the account to who the upstream identity provider says this is, once: an account already linked to another
     * (issuer, subject) is refused here, so that no code path can move it to another identity without
     * {@link #resetUpstreamLink}. The upstream org is refreshed at every sign-in.
     */
    public void linkUpstream(String issuer, String subject, String orgId) {
        String checkedIssuer = Require.text(issuer, "issuer", 512);
        String checkedSubject = Require.text(subject, "subject", 255);
        if (isLinked() && !isLinkedTo(checkedIssuer, checkedSubject)) {
            throw new IllegalStateException("user " + id + " is linked to another upstream identity");
        }
        this.upstreamIssuer = checkedIssuer;
        this.upstreamSubject = checkedSubject;
        this.upstreamOrgId = orgId == null || orgId.isBlank() ? null : Require.text(orgId, "upstream org id", 255);
    }

    public boolean isLinked() {
        return upstreamSubject != null;
    }

    public boolean isLinkedTo(String issuer, String subject) {
        return upstreamSubject != null && upstreamSubject.equals(subject) && upstreamIssuer.equals(issuer);
    }

    /** A platform admin's explicit step: the next verified upstream sign-in with this email links the account anew. */
    public void resetUpstreamLink() {
        this.upstreamIssuer = null;
        this.upstreamSubject = null;
        this.upstreamOrgId = null;
    }

    public String timeZone() {
        return timeZone;
    }

    public String termsVersion() {
        return termsVersion;
    }

    public String upstreamSubject() {
        return upstreamSubject;
    }

    public String upstreamOrgId() {
        return upstreamOrgId;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public UserStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

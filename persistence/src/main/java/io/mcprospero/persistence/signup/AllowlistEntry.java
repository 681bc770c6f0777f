package io.mcprospero.persistence.signup;

import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An entry of the signup allowlist added by a platform admin: an email ({@code ana@example.com}) or a whole
 * domain ({@code @example.com}). Entries from configuration are not stored; both kinds are written the same way.
 */
@Entity
@Table(name = "signup_allowlist")
@NamedQuery(name = AllowlistEntry.ALL, query = "select e from AllowlistEntry e order by e.entry")
@NamedQuery(name = AllowlistEntry.BY_ENTRY, query = "select e from AllowlistEntry e where e.entry = :entry")
@NamedQuery(name = AllowlistEntry.COUNT_MATCHING, query = "select count(e) from AllowlistEntry e where e.entry in :entries")
public class AllowlistEntry {

    public static final String ALL = "AllowlistEntry.all";
    public static final String BY_ENTRY = "AllowlistEntry.byEntry";
    public static final String COUNT_MATCHING = "AllowlistEntry.countMatching";
    private static final Pattern DOMAIN = Pattern.compile("^@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 320)
    private String entry;

    @Column(name = "added_by", nullable = false, length = 320)
    private String addedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AllowlistEntry() {
    }

    public AllowlistEntry(String entry, String addedBy, Instant now) {
        this.id = Ids.newId();
        this.entry = normalize(entry);
        this.addedBy = Require.text(addedBy, "added by", 320);
        this.createdAt = Require.present(now, "creation time");
    }

    /** An email (normalized as users' emails are) or {@code @domain}, lower-cased; anything else is refused. */
    public static String normalize(String entry) {
        String trimmed = Require.text(entry, "allowlist entry", 320).toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("@")) {
            if (!DOMAIN.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("allowlist entry '" + trimmed + "' is not a domain; write it as @example.com");
            }
            return trimmed;
        }
        try {
            return User.normalizeEmail(trimmed);
        } catch (IllegalArgumentException notAnEmail) {
            throw new IllegalArgumentException("allowlist entry '" + trimmed + "' is neither an email nor a domain "
                    + "(write ana@example.com or @example.com)");
        }
    }

    public String id() {
        return id;
    }

    public String entry() {
        return entry;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

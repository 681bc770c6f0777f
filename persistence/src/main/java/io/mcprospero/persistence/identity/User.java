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

/** A person known to MCProspero, identified by the email their identity provider vouched for. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.ALL, query = "select u from User u order by u.email")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
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

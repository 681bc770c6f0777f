package io.mcprospero.persistence.org;

import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A group that owns agents, connections and budget. Every user has one personal org, created at first
 * sign-in and never shown as a separate thing to manage; other orgs are created to share with others.
 */
@Entity
@Table(name = "orgs")
public class Org {

    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false)
    private boolean personal;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Org() {
    }

    private Org(String name, boolean personal, Instant now) {
        this.id = Ids.newId();
        this.name = Require.text(name, "org name", MAX_NAME_LENGTH);
        this.personal = personal;
        this.createdAt = Require.present(now, "creation time");
    }

    public static Org personalFor(String ownerEmail, Instant now) {
        return new Org("Personal (" + ownerEmail + ")", true, now);
    }

    public static Org named(String name, Instant now) {
        return new Org(name, false, now);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isPersonal() {
        return personal;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package io.mcprospero.persistence.agents;

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
import java.util.UUID;

/**
 * An agent of an org: its name and status, and which of its versions is the latest and which the person approved.
 * What it does lives in its versions ({@link AgentVersion}), which never change once written.
 */
@Entity
@Table(name = "agents")
@NamedQuery(name = Agent.OF_ORG, query = "select a from Agent a where a.orgId = :orgId order by a.name")
@NamedQuery(name = Agent.BY_NAME, query = "select a from Agent a where a.orgId = :orgId and lower(a.name) = lower(:name)")
@NamedQuery(name = Agent.SCHEDULABLE, query = "select a from Agent a where a.status = :status and a.approvedVersion is not null")
public class Agent {

    public static final String OF_ORG = "Agent.ofOrg";
    public static final String BY_NAME = "Agent.byName";
    public static final String SCHEDULABLE = "Agent.schedulable";
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, length = 36)
    private String orgId;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgentStatus status;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "approved_version")
    private Integer approvedVersion;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "webhook_secret_hash", length = 64)
    private String webhookSecretHash;

    @Version
    private long version;

    protected Agent() {
    }

    public Agent(String orgId, String name, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.orgId = Require.text(orgId, "org id", 36);
        this.name = Require.text(name, "name", MAX_NAME_LENGTH);
        this.createdBy = Require.text(createdBy, "creator", 36);
        this.status = AgentStatus.PENDING_APPROVAL;
        this.currentVersion = 1;
        this.createdAt = Require.present(now, "creation time");
        this.updatedAt = now;
    }

    /** A new version becomes the latest; it waits for approval when {@code needsApproval}, else it is approved with the old one's approval. */
    public void newVersion(int number, boolean needsApproval, Instant now) {
        currentVersion = number;
        if (needsApproval) {
            status = AgentStatus.PENDING_APPROVAL;
        } else if (approvedVersion != null) {
            approvedVersion = number;
        }
        updatedAt = now;
    }

    public void approve(int number, Instant now) {
        approvedVersion = number;
        status = AgentStatus.ACTIVE;
        updatedAt = now;
    }

    public void pause(Instant now) {
        status = AgentStatus.PAUSED;
        updatedAt = now;
    }

    public void resume(Instant now) {
        status = AgentStatus.ACTIVE;
        updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        name = Require.text(newName, "name", MAX_NAME_LENGTH);
        updatedAt = now;
    }

    public void webhookSecretHash(String hash) {
        webhookSecretHash = hash;
    }

    public String id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String name() {
        return name;
    }

    public AgentStatus status() {
        return status;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** The approved version, or null before the first approval. */
    public Integer approvedVersion() {
        return approvedVersion;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String webhookSecretHash() {
        return webhookSecretHash;
    }
}

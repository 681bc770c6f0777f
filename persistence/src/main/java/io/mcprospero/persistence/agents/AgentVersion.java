package io.mcprospero.persistence.agents;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One immutable version of an agent: what it does (its spec, JSON) and what the person is asked to approve (its
 * manifest, JSON), and who approved it when. Only the approval is ever written after creation.
 */
@Entity
@Table(name = "agent_versions")
@IdClass(AgentVersionId.class)
@NamedQuery(name = AgentVersion.OF_AGENT, query = "select v from AgentVersion v where v.agentId = :agentId order by v.number desc")
public class AgentVersion {

    public static final String OF_AGENT = "AgentVersion.ofAgent";

    @Id
    @Column(name = "agent_id", length = 36)
    private String agentId;

    @Id
    @Column(name = "version_number")
    private int number;

    @Column(nullable = false)
    private String spec;

    @Column(nullable = false)
    private String manifest;

    @Column(name = "created_by", nullable = false, length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "approved_by", length = 36)
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    protected AgentVersion() {
    }

    public AgentVersion(String agentId, int number, String spec, String manifest, String createdBy, Instant now) {
        this.agentId = Require.text(agentId, "agent id", 36);
        this.number = number;
        this.spec = Require.present(spec, "spec");
        this.manifest = Require.present(manifest, "manifest");
        this.createdBy = Require.text(createdBy, "creator", 36);
        this.createdAt = Require.present(now, "creation time");
    }

    public void approvedBy(String userId, Instant now) {
        approvedBy = userId;
        approvedAt = now;
    }

    public String agentId() {
        return agentId;
    }

    public int number() {
        return number;
    }

    public String spec() {
        return spec;
    }

    public String manifest() {
        return manifest;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}

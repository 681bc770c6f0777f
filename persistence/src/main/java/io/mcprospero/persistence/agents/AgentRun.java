package io.mcprospero.persistence.agents;

import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One run of an agent: which version ran, why it started, how it went. Its transcript is a sealed secret of the org. */
@Entity
@Table(name = "agent_runs")
@NamedQuery(name = AgentRun.OF_AGENT, query = "select r from AgentRun r where r.agentId = :agentId order by r.startedAt desc")
@NamedQuery(name = AgentRun.OF_ORG, query = "select r from AgentRun r where r.orgId = :orgId order by r.startedAt desc")
public class AgentRun {

    public static final String OF_AGENT = "AgentRun.ofAgent";
    public static final String OF_ORG = "AgentRun.ofOrg";
    public static final String RUNNING = "running";

    @Id
    @Column(length = 100)
    private String id;

    @Column(name = "agent_id", nullable = false, length = 36)
    private String agentId;

    @Column(name = "org_id", nullable = false, length = 36)
    private String orgId;

    @Column(name = "agent_version", nullable = false)
    private int agentVersion;

    @Column(name = "run_trigger", nullable = false, length = 20)
    private String trigger;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(length = 2000)
    private String reason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private int turns;

    @Column(name = "tool_calls", nullable = false)
    private int toolCalls;

    @Column(nullable = false)
    private long units;

    @Column(name = "trace_id", length = 32)
    private String traceId;

    /** The run's own span, parent of every step's span, so that the steps of one run form one trace. */
    @Column(name = "span_id", length = 16)
    private String spanId;

    @Version
    private long version;

    protected AgentRun() {
    }

    public AgentRun(String id, String agentId, String orgId, int agentVersion, String trigger, String traceId, String spanId, Instant now) {
        this.id = Require.text(id, "run id", 100);
        this.agentId = Require.text(agentId, "agent id", 36);
        this.orgId = Require.text(orgId, "org id", 36);
        this.agentVersion = agentVersion;
        this.trigger = Require.text(trigger, "trigger", 20);
        this.status = RUNNING;
        this.traceId = traceId;
        this.spanId = spanId;
        this.startedAt = Require.present(now, "start time");
    }

    public void turnTaken(long unitsCharged) {
        turns++;
        units += unitsCharged;
    }

    public void toolCalled() {
        toolCalls++;
    }

    /** Closes the run; a run closes once, so a retried finish changes nothing. */
    public boolean finish(String finalStatus, String why, Instant now) {
        if (!RUNNING.equals(status)) {
            return false;
        }
        status = Require.text(finalStatus, "status", 20);
        reason = why == null ? null : why.length() > 2000 ? why.substring(0, 1997) + "..." : why;
        finishedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public String agentId() {
        return agentId;
    }

    public String orgId() {
        return orgId;
    }

    public int agentVersion() {
        return agentVersion;
    }

    public String trigger() {
        return trigger;
    }

    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int turns() {
        return turns;
    }

    public int toolCalls() {
        return toolCalls;
    }

    public long units() {
        return units;
    }

    public String traceId() {
        return traceId;
    }

    public String spanId() {
        return spanId;
    }
}

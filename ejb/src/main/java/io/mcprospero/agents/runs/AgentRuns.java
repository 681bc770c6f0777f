package io.mcprospero.agents.runs;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.authz.PermissionMatrix;
import io.mcprospero.failure.NotFound;
import io.mcprospero.persistence.agents.AgentRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The runs of the caller's org, as the tools read them. */
@ApplicationScoped
public class AgentRuns {

    /**
     * A run with its transcript (empty before its first step wrote one) and the provider's later reports on the messages
     * it sent (WhatsApp's delivery statuses).
     */
    public record RunWithTranscript(AgentRun run, Optional<Transcript> transcript, List<JsonObject> deliveries) {
    }

    private EntityManager entityManager;
    private Authorization authorization;
    private Transcripts transcripts;
    private DeliveryReports deliveries;

    protected AgentRuns() {
        // for the CDI proxy
    }

    @Inject
    public AgentRuns(EntityManager entityManager, Authorization authorization, Transcripts transcripts, DeliveryReports deliveries) {
        this.entityManager = entityManager;
        this.authorization = authorization;
        this.transcripts = transcripts;
        this.deliveries = deliveries;
    }

    @Transactional
    public List<AgentRun> latest(Caller caller, String agentId, int limit) {
        authorization.require(caller, Permission.VIEW_AGENTS);
        return entityManager.createNamedQuery(AgentRun.OF_AGENT, AgentRun.class).setParameter("agentId", agentId)
                .setMaxResults(limit).getResultList().stream().filter(run -> run.orgId().equals(caller.orgId())).toList();
    }

    /** The org's latest runs, of all its agents; none for a role that may not see agents. */
    @Transactional
    public List<AgentRun> latestOfOrg(Caller caller, int limit) {
        if (!PermissionMatrix.allows(caller.role(), Permission.VIEW_AGENTS)) {
            return List.of();
        }
        return entityManager.createNamedQuery(AgentRun.OF_ORG, AgentRun.class).setParameter("orgId", caller.orgId())
                .setMaxResults(limit).getResultList();
    }

    /** That the caller may start or stop runs (cancelling a task is stopping its run). */
    public void requireMayRun(Caller caller) {
        authorization.require(caller, Permission.RUN_AGENTS);
    }

    @Transactional
    public RunWithTranscript get(Caller caller, String runId) {
        authorization.require(caller, Permission.VIEW_AGENTS);
        AgentRun run = runId == null || runId.length() > 100 ? null : entityManager.find(AgentRun.class, runId.strip());
        if (run == null || !run.orgId().equals(caller.orgId())) {
            throw new NotFound("no run '" + runId + "' in this org; call list_runs to see an agent's runs");
        }
        return new RunWithTranscript(run, transcripts.of(run.orgId(), run.id()), deliveries.of(run.orgId(), run.id()));
    }
}

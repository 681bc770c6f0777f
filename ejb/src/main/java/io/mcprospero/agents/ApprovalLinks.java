package io.mcprospero.agents;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.failure.NotFound;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentVersion;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The approval page's links: for a client that cannot show the person a form, the tool answers a link that only the
 * person can use to approve, once, within {@link #TTL}, and only the exact version it names. The model sees the link
 * but approving through it is the person's act on MCProspero's page, not a tool call.
 */
@ApplicationScoped
public class ApprovalLinks {

    static final Duration TTL = Duration.ofHours(24);

    /** What a link asks the person to approve. */
    public record Pending(String agentId, String agentName, int version, Manifest manifest, String userId, String orgId) {
    }

    private EntityManager entityManager;
    private Agents agents;
    private Authorization authorization;
    private OAuthSettings settings;
    private Clock clock;

    protected ApprovalLinks() {
        // for the CDI proxy
    }

    @Inject
    public ApprovalLinks(EntityManager entityManager, Agents agents, Authorization authorization, OAuthSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.agents = agents;
        this.authorization = authorization;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new link for the caller to approve the agent's version; answers its URL. */
    @Transactional
    public String issue(Caller caller, String agentId, int version) {
        String secret = RandomTokens.next();
        entityManager.createNativeQuery("INSERT INTO agent_approval_links (token_hash, agent_id, version_number, user_id, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, Hashes.sha256Hex(secret)).setParameter(2, agentId).setParameter(3, version)
                .setParameter(4, caller.userId()).setParameter(5, Timestamp.from(clock.instant().plus(TTL))).executeUpdate();
        return settings.issuer() + "/agents/approve/" + secret;
    }

    /** What an unused, unexpired link asks; refuses any other link the same way. */
    @Transactional
    public Pending pending(String secret) {
        if (secret == null || secret.length() > 128) {
            throw gone();
        }
        List<?> rows = entityManager.createNativeQuery("SELECT agent_id, version_number, user_id, expires_at, used_at FROM agent_approval_links "
                + "WHERE token_hash = ?1").setParameter(1, Hashes.sha256Hex(secret)).getResultList();
        if (rows.isEmpty()) {
            throw gone();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant expires = instant(row[3]);
        if (row[4] != null || !expires.isAfter(clock.instant())) {
            throw gone();
        }
        Agent agent = entityManager.find(Agent.class, (String) row[0]);
        if (agent == null) {
            throw gone();
        }
        int number = ((Number) row[1]).intValue();
        AgentVersion version = agents.version(agent.id(), number);
        return new Pending(agent.id(), agent.name(), number, Agents.manifestOf(version), (String) row[2], agent.orgId());
    }

    /** The person's decision through the page: the link is used up either way; approving needs their role still. */
    @Transactional
    public Pending decide(String secret, boolean approve) {
        Pending pending = pending(secret);
        int used = entityManager.createNativeQuery("UPDATE agent_approval_links SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL")
                .setParameter(1, Hashes.sha256Hex(secret)).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        if (used != 1) {
            throw gone();
        }
        if (approve) {
            Caller person = authorization.callerIn(pending.userId(), pending.orgId());
            agents.approve(person, pending.agentId(), pending.version());
        }
        return pending;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static NotFound gone() {
        return new NotFound("this approval link is unknown, used or expired; ask in the conversation for a new one "
                + "(update_agent action approve)");
    }
}

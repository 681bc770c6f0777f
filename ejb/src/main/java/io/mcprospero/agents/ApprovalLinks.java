package io.mcprospero.agents;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentVersion;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.RandomTokens;
import io.mcprospero.support.SqlTimes;
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
 * person can use to approve, once, within {@link #TTL}, and only the exact version it names. The model sees the link,
 * but the link alone approves nothing: the page decides only for a browser signed in as the person the link was issued
 * to, while they still may manage the org's agents.
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
        Instant expires = SqlTimes.instant(row[3]);
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

    /**
     * What the link asks, for the person signed in as {@code userId}, provided they may decide it: they are the person
     * the link was issued to, they may still manage the agents of its org, and the version is still the agent's latest.
     * Anyone else is refused with the name of who may decide.
     */
    @Transactional
    public Pending decidableBy(String secret, String userId) {
        Pending pending = pending(secret);
        if (!pending.userId().equals(userId)) {
            User approver = entityManager.find(User.class, pending.userId());
            String who = approver == null ? "the person who asked for it" : approver.displayName() == null
                    ? approver.email() : approver.displayName() + " (" + approver.email() + ")";
            throw new NotAuthorized("Only " + who + " may approve this agent: the link was made for them in their conversation. "
                    + "You are signed in as someone else, so nothing was changed.");
        }
        Caller person;
        try {
            person = authorization.callerIn(pending.userId(), pending.orgId());
            authorization.require(person, Permission.MANAGE_AGENTS);
        } catch (NotAuthorized refused) {
            Org org = entityManager.find(Org.class, pending.orgId());
            throw new NotAuthorized("You may no longer approve agents in " + (org == null ? "this org" : "the org " + org.name())
                    + ": only its owners, admins and members can, and you are not one of them any more. Nothing was changed.");
        }
        int latest = entityManager.find(Agent.class, pending.agentId()).currentVersion();
        if (latest != pending.version()) {
            throw new Conflict("This link is for version " + pending.version() + " of " + pending.agentName()
                    + ", which was replaced by version " + latest + ". Nothing was changed; ask in the conversation to approve "
                    + "the new version, and review it on its own link.");
        }
        return pending;
    }

    /** The person's decision through the page (checked as {@link #decidableBy}): the link is used up either way. */
    @Transactional
    public Pending decide(String secret, String userId, boolean approve) {
        Pending pending = decidableBy(secret, userId);
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


    private static NotFound gone() {
        return new NotFound("this approval link is unknown, used or expired; ask in the conversation for a new one "
                + "(update_agent action approve)");
    }
}

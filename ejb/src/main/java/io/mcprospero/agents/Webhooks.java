package io.mcprospero.agents;

import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.NotFound;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentStatus;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.runtime.WorkflowEngine;
import io.mcprospero.support.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook triggers: a call to an agent's secret URL starts a run with the request body as its input. An unknown agent
 * and a wrong secret get the same answer; the secret is compared by its hash, in constant time.
 */
@ApplicationScoped
public class Webhooks {

    /** Too many calls of one agent's webhook within a minute. */
    public static class TooMany extends RuntimeException {
        public TooMany(String message) {
            super(message);
        }
    }

    private EntityManager entityManager;
    private WorkflowEngine engine;
    private Clock clock;
    private int perMinute;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    protected Webhooks() {
        // for the CDI proxy
    }

    @Inject
    public Webhooks(EntityManager entityManager, WorkflowEngine engine, Clock clock,
                    @ConfigProperty(name = "mcprospero.agents.webhook-rate") int perMinute) {
        this.entityManager = entityManager;
        this.engine = engine;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Starts a run and answers its id; refuses an unknown agent or secret (NotFound), a paused one (Conflict), a flood (TooMany). */
    @Transactional
    public String start(String agentId, String secret, String body) {
        Agent agent = agentId == null || agentId.length() != 36 ? null : entityManager.find(Agent.class, agentId);
        String presented = secret == null || secret.length() > 128 ? "" : Hashes.sha256Hex(secret);
        String stored = agent == null || agent.webhookSecretHash() == null ? Hashes.sha256Hex(UUID.randomUUID().toString()) : agent.webhookSecretHash();
        if (!Hashes.constantTimeEquals(presented, stored) || agent == null) {
            throw new NotFound("no such webhook");
        }
        if (agent.status() != AgentStatus.ACTIVE) {
            throw new Conflict("the agent is " + agent.status().wireName().replace('_', ' ') + " and does not run now");
        }
        admit(agent.id());
        String runId = UUID.randomUUID().toString();
        engine.agents().start(new RunRequest(agent.id(), runId, "webhook", body, null));
        return runId;
    }

    private void admit(String agentId) {
        Instant now = clock.instant();
        Deque<Instant> calls = recent.computeIfAbsent(agentId, id -> new ArrayDeque<>());
        synchronized (calls) {
            while (!calls.isEmpty() && calls.peekFirst().isBefore(now.minusSeconds(60))) {
                calls.pollFirst();
            }
            if (calls.size() >= perMinute) {
                throw new TooMany("this webhook was called " + perMinute + " times in the last minute; try again later");
            }
            calls.addLast(now);
        }
    }
}

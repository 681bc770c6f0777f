package io.mcprospero.agents;

import io.mcprospero.agents.toolbox.AgentNotes;
import io.mcprospero.agents.toolbox.AgentToolbox;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentStatus;
import io.mcprospero.persistence.agents.AgentVersion;
import io.mcprospero.persistence.agents.AgentVersionId;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.Jsons;
import io.mcprospero.support.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Agents of the caller's org: created, changed (each change a new immutable version), approved by the person,
 * paused, resumed, deleted. A version whose reach differs from the approved one waits for a new approval, and the
 * schedule stops meanwhile. The workflow engine hears of each change once it has committed ({@link AgentChanged}).
 */
@ApplicationScoped
public class Agents {

    private EntityManager entityManager;
    private Authorization authorization;
    private AgentToolbox toolbox;
    private AgentSettings settings;
    private Manifests manifests;
    private AgentNotes notes;
    private Event<AgentChanged> changes;
    private Clock clock;

    protected Agents() {
        // for the CDI proxy
    }

    @Inject
    public Agents(EntityManager entityManager, Authorization authorization, AgentToolbox toolbox, AgentSettings settings,
                  Manifests manifests, AgentNotes notes, Event<AgentChanged> changes, Clock clock) {
        this.entityManager = entityManager;
        this.authorization = authorization;
        this.toolbox = toolbox;
        this.settings = settings;
        this.manifests = manifests;
        this.notes = notes;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public AgentState create(Caller caller, String name, JsonObject arguments) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        String cleanName = name(name);
        if (byName(caller.orgId(), cleanName).isPresent()) {
            throw new Conflict("an agent named '" + cleanName + "' exists already in this org; choose another name or update_agent it");
        }
        AgentSpec spec = AgentSpecs.read(arguments, null, toolbox.names(), settings);
        toolbox.requireUsable(spec, caller.orgId());
        Manifest manifest = manifests.of(spec);
        Instant now = clock.instant();
        Agent agent = new Agent(caller.orgId(), cleanName, caller.userId(), now);
        String secret = null;
        if (spec.webhook()) {
            secret = RandomTokens.next();
            agent.webhookSecretHash(Hashes.sha256Hex(secret));
        }
        entityManager.persist(agent);
        AgentVersion version = new AgentVersion(agent.id(), 1, spec.toJson().toString(), manifest.toJson().toString(), caller.userId(), now);
        entityManager.persist(version);
        // written now: an approval in the same call reads the agent back with a row lock
        entityManager.flush();
        return new AgentState(agent, version, spec, manifest, secret);
    }

    /** A new version from {@code arguments}' changes; unchanged arguments keep the current version. */
    @Transactional
    public AgentState modify(Caller caller, String agentRef, JsonObject arguments) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        Agent agent = locked(caller, agentRef);
        AgentVersion current = version(agent.id(), agent.currentVersion());
        AgentSpec before = specOf(current);
        AgentSpec spec = AgentSpecs.read(arguments, before, toolbox.names(), settings);
        if (!spec.tools().equals(before.tools()) || !spec.destinations().equals(before.destinations())) {
            toolbox.requireUsable(spec, caller.orgId());
        }
        Instant now = clock.instant();
        if (arguments.containsKey("name") && !arguments.getString("name").strip().equals(agent.name())) {
            String newName = name(arguments.getString("name"));
            if (byName(caller.orgId(), newName).isPresent()) {
                throw new Conflict("an agent named '" + newName + "' exists already in this org");
            }
            agent.rename(newName, now);
        }
        String secret = null;
        if (spec.webhook() && agent.webhookSecretHash() == null) {
            secret = RandomTokens.next();
            agent.webhookSecretHash(Hashes.sha256Hex(secret));
        } else if (!spec.webhook()) {
            agent.webhookSecretHash(null);
        }
        if (spec.equals(before)) {
            return new AgentState(agent, current, before, manifestOf(current), secret);
        }
        Manifest manifest = manifests.of(spec);
        Manifest approved = agent.approvedVersion() == null ? null : manifestOf(version(agent.id(), agent.approvedVersion()));
        boolean needsApproval = approved == null || !approved.sameReach(manifest);
        boolean wasActive = agent.status() == AgentStatus.ACTIVE;
        int number = agent.currentVersion() + 1;
        AgentVersion next = new AgentVersion(agent.id(), number, spec.toJson().toString(), manifest.toJson().toString(), caller.userId(), now);
        if (!needsApproval) {
            next.approvedBy(caller.userId(), now);
        }
        entityManager.persist(next);
        agent.newVersion(number, needsApproval, now);
        if (wasActive && needsApproval) {
            changes.fire(new AgentChanged(agent.id(), AgentChanged.Effect.PAUSE, null));
        } else if (wasActive) {
            changes.fire(scheduleChange(agent.id(), spec));
        }
        return new AgentState(agent, next, spec, manifest, secret);
    }

    /** The person approves {@code number}, which must be the agent's latest version; the agent becomes active. */
    @Transactional
    public AgentState approve(Caller caller, String agentRef, int number) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        Agent agent = locked(caller, agentRef);
        if (number != agent.currentVersion()) {
            throw new Conflict("version " + number + " of '" + agent.name() + "' was replaced by version " + agent.currentVersion()
                    + "; review and approve that one");
        }
        AgentVersion version = version(agent.id(), number);
        Instant now = clock.instant();
        if (version.approvedBy() == null) {
            version.approvedBy(caller.userId(), now);
        }
        agent.approve(number, now);
        AgentSpec spec = specOf(version);
        changes.fire(scheduleChange(agent.id(), spec));
        return new AgentState(agent, version, spec, manifestOf(version), null);
    }

    @Transactional
    public AgentState pause(Caller caller, String agentRef) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        Agent agent = locked(caller, agentRef);
        if (agent.status() == AgentStatus.PENDING_APPROVAL) {
            throw new InvalidInput("'" + agent.name() + "' waits for approval and does not run; there is nothing to pause");
        }
        agent.pause(clock.instant());
        changes.fire(new AgentChanged(agent.id(), AgentChanged.Effect.PAUSE, null));
        return state(agent);
    }

    @Transactional
    public AgentState resume(Caller caller, String agentRef) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        Agent agent = locked(caller, agentRef);
        if (agent.status() == AgentStatus.PENDING_APPROVAL) {
            throw new InvalidInput("'" + agent.name() + "' waits for the person's approval of version " + agent.currentVersion()
                    + "; approve it (update_agent action approve) instead of resuming");
        }
        agent.resume(clock.instant());
        AgentState state = state(agent);
        changes.fire(scheduleChange(agent.id(), state.spec()));
        return state;
    }

    @Transactional
    public String delete(Caller caller, String agentRef) {
        authorization.require(caller, Permission.MANAGE_AGENTS);
        Agent agent = locked(caller, agentRef);
        String name = agent.name();
        notes.forget(agent.orgId(), agent.id());
        entityManager.createQuery("delete from AgentRun r where r.agentId = :id").setParameter("id", agent.id()).executeUpdate();
        entityManager.createQuery("delete from AgentVersion v where v.agentId = :id").setParameter("id", agent.id()).executeUpdate();
        entityManager.remove(agent);
        changes.fire(new AgentChanged(agent.id(), AgentChanged.Effect.UNSCHEDULE, null));
        return name;
    }

    @Transactional
    public AgentState get(Caller caller, String agentRef) {
        authorization.require(caller, Permission.VIEW_AGENTS);
        return state(find(caller, agentRef));
    }

    @Transactional
    public List<AgentState> list(Caller caller) {
        authorization.require(caller, Permission.VIEW_AGENTS);
        return entityManager.createNamedQuery(Agent.OF_ORG, Agent.class).setParameter("orgId", caller.orgId()).getResultList()
                .stream().map(this::state).toList();
    }

    /** The agent a run of the caller may start now: approved and not waiting for a new approval. */
    @Transactional
    public Agent runnable(Caller caller, String agentRef) {
        authorization.require(caller, Permission.RUN_AGENTS);
        Agent agent = find(caller, agentRef);
        if (agent.approvedVersion() == null || agent.status() == AgentStatus.PENDING_APPROVAL) {
            throw new InvalidInput("'" + agent.name() + "' has not been approved by the person yet; it runs only once they approve "
                    + "version " + agent.currentVersion() + " (update_agent action approve)");
        }
        return agent;
    }

    /** What the engine should run for every active agent (reconciled at start-up). */
    @Transactional
    public List<AgentChanged> schedulesToRun() {
        return entityManager.createNamedQuery(Agent.SCHEDULABLE, Agent.class).setParameter("status", AgentStatus.ACTIVE).getResultList()
                .stream()
                .map(agent -> scheduleChange(agent.id(), specOf(version(agent.id(), agent.approvedVersion()))))
                .toList();
    }

    public AgentState state(Agent agent) {
        AgentVersion version = version(agent.id(), agent.currentVersion());
        return new AgentState(agent, version, specOf(version), manifestOf(version), null);
    }

    private static AgentChanged scheduleChange(String agentId, AgentSpec spec) {
        return spec.schedule() == null ? new AgentChanged(agentId, AgentChanged.Effect.UNSCHEDULE, null)
                : new AgentChanged(agentId, AgentChanged.Effect.SCHEDULE, spec.schedule());
    }

    public AgentVersion version(String agentId, int number) {
        return entityManager.find(AgentVersion.class, new AgentVersionId(agentId, number));
    }

    public static AgentSpec specOf(AgentVersion version) {
        return AgentSpec.fromJson(Jsons.reader(new StringReader(version.spec())).readObject());
    }

    public static Manifest manifestOf(AgentVersion version) {
        return Manifest.fromJson(Jsons.reader(new StringReader(version.manifest())).readObject());
    }

    private Agent find(Caller caller, String agentRef) {
        return lookup(caller, agentRef, LockModeType.NONE);
    }

    private Agent locked(Caller caller, String agentRef) {
        return lookup(caller, agentRef, LockModeType.PESSIMISTIC_WRITE);
    }

    private Agent lookup(Caller caller, String agentRef, LockModeType lock) {
        String ref = agentRef == null ? "" : agentRef.strip();
        Agent byId = ref.length() == 36 ? entityManager.find(Agent.class, ref, lock) : null;
        if (byId != null && byId.orgId().equals(caller.orgId())) {
            return byId;
        }
        // the same answer for another org's agent as for none: ids are not an oracle
        Agent named = byName(caller.orgId(), ref).orElseThrow(() -> new NotFound("no agent '" + ref + "' in this org; call list_agents to see them"));
        if (lock != LockModeType.NONE) {
            entityManager.lock(named, lock);
        }
        return named;
    }

    private Optional<Agent> byName(String orgId, String name) {
        return entityManager.createNamedQuery(Agent.BY_NAME, Agent.class).setParameter("orgId", orgId).setParameter("name", name)
                .getResultStream().findFirst();
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > Agent.MAX_NAME_LENGTH) {
            throw new InvalidInput("an agent's name is 1 to " + Agent.MAX_NAME_LENGTH + " characters, e.g. \"Work email digest\"");
        }
        return clean;
    }
}

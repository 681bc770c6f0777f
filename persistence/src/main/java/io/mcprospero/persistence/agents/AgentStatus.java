package io.mcprospero.persistence.agents;

/** Where an agent stands: waiting for the person to approve its current version, running on its own, or paused. */
public enum AgentStatus {
    PENDING_APPROVAL,
    ACTIVE,
    PAUSED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

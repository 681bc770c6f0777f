package io.mcprospero.agents;

import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentVersion;

/**
 * An agent with its latest version read: the spec and manifest of that version; the webhook secret only in the
 * answer that created it (it is stored as a hash and never shown again).
 */
public record AgentState(Agent agent, AgentVersion version, AgentSpec spec, Manifest manifest, String newWebhookSecret) {
}

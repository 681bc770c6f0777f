package io.mcprospero.persistence.agents;

import java.io.Serializable;

/** The key of an agent version: the agent and the version's number. */
public record AgentVersionId(String agentId, int number) implements Serializable {
}

package io.mcprospero.agents.toolbox;

import io.mcprospero.agents.AgentSpec;
import jakarta.json.JsonObject;

/** One call of an agent tool: whose, in which run, with what input, under the approved spec; the key of its effect. */
public record AgentToolCall(String orgId, String agentId, String runId, String callId, JsonObject input, AgentSpec spec) {

    public String idempotencyKey() {
        return runId + "/" + callId;
    }
}

package io.mcprospero.agents.toolbox;

import io.mcprospero.agents.AgentSpec;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A tool an agent may call during a run (not an MCP tool: the model of the run calls it). It says what it lets the
 * agent read and where it lets it send, for the manifest the person approves.
 */
public interface AgentTool {

    String name();

    /** For the model: what the tool does and when to use it. */
    String description();

    /** JSON Schema of its input. */
    JsonObject inputSchema();

    /** What the tool lets an agent with this spec read, in the person's words. */
    List<String> reads(AgentSpec spec);

    /** Where the tool lets an agent with this spec send, in the person's words. */
    List<String> sendsTo(AgentSpec spec);

    /**
     * Whether a call sends something outside (a message, an email, an event): such a call is noted as begun before it is
     * made, and one begun without a recorded result is not made again, so that a retried step never sends twice.
     */
    default boolean sends() {
        return false;
    }

    /** Whether the org's agents can use the tool now: the platform may have switched it off, or the org not connected what it needs. */
    default Availability availability(String orgId) {
        return Availability.USABLE;
    }

    /** Refuses (with InvalidInput saying what to add) a spec that does not give the tool what it needs, such as a destination. */
    default void check(AgentSpec spec) {
    }

    /**
     * Performs the call and answers in text for the model; throws {@link AgentToolError} for what the model should hear
     * as an error. {@code call.idempotencyKey()} is the same on every retry of one call: an effect is made once per key.
     */
    String call(AgentToolCall call);
}

package io.mcprospero.mcp;

import io.mcprospero.mcp.mrtr.InputRequest;
import java.time.Instant;
import java.util.Map;

/**
 * What a tools/call ends with: a result, questions for the person before it can finish (multi round-trip), or a task
 * that goes on without the call (for clients that follow tasks; {@link TaskSource} answers tasks/get).
 */
public sealed interface ToolOutcome permits ToolResult, ToolOutcome.InputRequiredResult, ToolOutcome.TaskCreated {

    /** The task the call started, still working. */
    record TaskCreated(String taskId, Instant createdAt) implements ToolOutcome {
    }

    /** The questions by key, sorted, and the signed state the retry must bring back; the call changed nothing. */
    record InputRequiredResult(Map<String, InputRequest> questions, String requestState) implements ToolOutcome {
    }
}

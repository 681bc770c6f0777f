package io.mcprospero.mcp;

import io.mcprospero.mcp.mrtr.InputRequest;
import java.util.Map;

/** What a tools/call ends with: a result, or questions for the person before it can finish (multi round-trip). */
public sealed interface ToolOutcome permits ToolResult, ToolOutcome.InputRequiredResult {

    /** The questions by key, sorted, and the signed state the retry must bring back; the call changed nothing. */
    record InputRequiredResult(Map<String, InputRequest> questions, String requestState) implements ToolOutcome {
    }
}

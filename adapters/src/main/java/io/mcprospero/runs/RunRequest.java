package io.mcprospero.runs;

/**
 * One run to make: of which agent, under which id (also its workflow id, so a run is started at most once), why
 * ("schedule", "run_now", "webhook"), with what input (a webhook's body; may be null) and the W3C traceparent of the
 * span that asked for it (may be null), so that the run's trace continues the caller's.
 */
public record RunRequest(String agentId, String runId, String trigger, String input, String traceparent) {
}

package io.mcprospero.runs;

/** How a run ended: "completed", "failed" or "skipped", and why when it did not complete. */
public record RunSummary(String runId, String status, String reason) {
}

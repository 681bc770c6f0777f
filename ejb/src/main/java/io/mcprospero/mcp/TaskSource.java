package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import java.util.Optional;

/** A feature's tasks (the work a tool started for a client that follows tasks), as the caller may see them. */
public interface TaskSource {

    /** The task as the 2026-07-28 tasks extension shows it, or empty when it is not this source's or not the caller's. */
    Optional<Task> get(Caller caller, String taskId);

    /** Asks the task to stop; empty when it is not this source's or not the caller's. Ending tasks is idempotent. */
    Optional<Task> cancel(Caller caller, String taskId);

    /**
     * A task's state: status is working, completed, failed or cancelled; result (a tools/call result) only once
     * completed. A tool's own failure is a completed task whose result is an error; failed means the protocol's.
     */
    record Task(String taskId, String status, String statusMessage, java.time.Instant createdAt, java.time.Instant lastUpdatedAt,
                ToolResult result) {
    }
}

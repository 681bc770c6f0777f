package io.mcprospero.mcp;

import java.time.Instant;

/**
 * Thrown by a tool whose work goes on after the call, for a client that follows tasks: the catalog answers the call
 * with the task (2026-07-28 tasks extension) and {@link TaskSource} answers tasks/get about it. What the tool did is
 * committed before it throws (such tools are not transactional).
 */
public final class TaskStarted extends RuntimeException {

    private final String taskId;
    private final transient Instant createdAt;

    public TaskStarted(String taskId, Instant createdAt) {
        super("task " + taskId + " started", null, false, false);
        this.taskId = taskId;
        this.createdAt = createdAt;
    }

    public String taskId() {
        return taskId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

package io.mcprospero.agents;

import io.mcprospero.runs.ScheduleSpec;

/**
 * What the workflow engine must do for an agent once the change that caused it has committed: run its schedule
 * (with {@code schedule}), pause it, or end it.
 */
public record AgentChanged(String agentId, Effect effect, ScheduleSpec schedule) {

    public enum Effect { SCHEDULE, PAUSE, UNSCHEDULE }
}

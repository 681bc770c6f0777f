package io.mcprospero.temporal.agents;

import io.mcprospero.runs.ScheduleSpec;

/** What a schedule workflow carries across continue-as-new: whose it is, when it fires, whether it is paused. */
public record ScheduleState(String agentId, ScheduleSpec spec, boolean paused) {
}

package io.mcprospero.runs;

/** When an agent runs on its own: a five-field cron expression or an ISO-8601 interval (exactly one), in an IANA zone. */
public record ScheduleSpec(String cron, String interval, String zone) {
}

package io.mcprospero.integrations.calendar;

import java.time.Instant;
import java.util.List;

/** An event to create in the primary calendar. */
public record NewEvent(String summary, String description, Instant start, Instant end, String timeZone, List<String> attendees) {
}

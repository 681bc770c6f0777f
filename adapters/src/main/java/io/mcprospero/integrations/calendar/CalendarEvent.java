package io.mcprospero.integrations.calendar;

import java.util.List;

/** One event as the calendar tells it; start and end are RFC 3339 date-times, or dates for all-day events. */
public record CalendarEvent(String id, String summary, String start, String end, String location, List<String> attendees, String link) {
}

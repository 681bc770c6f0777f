package io.mcprospero.integrations.calendar;

import java.time.Instant;
import java.util.List;

/** A person's primary calendar: the events in a time range, and a new event. */
public interface Calendar {

    List<CalendarEvent> events(Instant from, Instant to, int max);

    CalendarEvent create(NewEvent event);
}

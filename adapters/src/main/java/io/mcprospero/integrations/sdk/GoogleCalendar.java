package io.mcprospero.integrations.sdk;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.Events;
import io.mcprospero.integrations.calendar.Calendar;
import io.mcprospero.integrations.calendar.CalendarEvent;
import io.mcprospero.integrations.calendar.NewEvent;
import java.util.List;

/** The primary calendar through the Google Calendar API (Google's client library). */
public final class GoogleCalendar implements Calendar {

    static final String STANDARD_ROOT = "https://www.googleapis.com/";
    private static final String API = "Google Calendar";
    private static final String PRIMARY = "primary";

    private final com.google.api.services.calendar.Calendar calendar;

    private GoogleCalendar(com.google.api.services.calendar.Calendar calendar) {
        this.calendar = calendar;
    }

    /** With {@code baseUrl} null, Google's own address. */
    public static Calendar of(String baseUrl, String accessToken) {
        return new GoogleCalendar(new com.google.api.services.calendar.Calendar.Builder(GoogleApis.TRANSPORT, GoogleApis.JSON,
                GoogleApis.bearer(accessToken))
                .setRootUrl(GoogleApis.root(baseUrl, STANDARD_ROOT))
                .setApplicationName(GoogleApis.APPLICATION)
                .build());
    }

    @Override
    public List<CalendarEvent> events(java.time.Instant from, java.time.Instant to, int max) {
        Events events = GoogleApis.call(API, () -> calendar.events().list(PRIMARY)
                .setTimeMin(new DateTime(from.toEpochMilli()))
                .setTimeMax(new DateTime(to.toEpochMilli()))
                .setSingleEvents(true)
                .setOrderBy("startTime")
                .setMaxResults(max)
                .execute());
        return events.getItems() == null ? List.of() : events.getItems().stream().map(GoogleCalendar::event).toList();
    }

    @Override
    public CalendarEvent create(NewEvent event) {
        Event created = new Event()
                .setSummary(event.summary())
                .setDescription(event.description())
                .setStart(new EventDateTime().setDateTime(new DateTime(event.start().toEpochMilli())).setTimeZone(event.timeZone()))
                .setEnd(new EventDateTime().setDateTime(new DateTime(event.end().toEpochMilli())).setTimeZone(event.timeZone()))
                .setAttendees(event.attendees().isEmpty() ? null
                        : event.attendees().stream().map(email -> new EventAttendee().setEmail(email)).toList());
        return event(GoogleApis.call(API, () -> calendar.events().insert(PRIMARY, created).execute()));
    }

    private static CalendarEvent event(Event event) {
        return new CalendarEvent(event.getId(), event.getSummary(), when(event.getStart()), when(event.getEnd()), event.getLocation(),
                event.getAttendees() == null ? List.of() : event.getAttendees().stream().map(EventAttendee::getEmail).toList(),
                event.getHtmlLink());
    }

    private static String when(EventDateTime time) {
        if (time == null) {
            return null;
        }
        return time.getDateTime() != null ? time.getDateTime().toStringRfc3339() : time.getDate() == null ? null : time.getDate().toStringRfc3339();
    }
}

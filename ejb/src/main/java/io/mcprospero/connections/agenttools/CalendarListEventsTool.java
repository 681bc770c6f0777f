package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.integrations.calendar.CalendarEvent;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** calendar_list_events: the events of the connected primary calendar in a time range. */
@ApplicationScoped
public class CalendarListEventsTool extends AccountTool {

    private Clock clock;

    protected CalendarListEventsTool() {
        // for the CDI proxy
    }

    @Inject
    public CalendarListEventsTool(ConnectedTools tools, Clock clock) {
        super(tools, ToolFamily.CALENDAR, """
                {"type":"object","properties":{
                  "from":{"type":"string","maxLength":40,"description":"RFC 3339 start, e.g. 2026-12-07T00:00:00+01:00 (default: now)"},
                  "to":{"type":"string","maxLength":40,"description":"RFC 3339 end (default: a day after from)"},
                  "max_results":{"type":"integer","minimum":1,"maximum":50}}}""");
        this.clock = clock;
    }

    @Override
    public String name() {
        return "calendar_list_events";
    }

    @Override
    public String description() {
        return "Lists the events of the connected Google Calendar (primary calendar) between from and to, in start order.";
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return List.of("the events of the connected Google Calendar");
    }

    @Override
    public String call(AgentToolCall call) {
        Instant from = instant(call.input().getString("from", null), clock.instant());
        Instant to = instant(call.input().getString("to", null), from.plus(Duration.ofDays(1)));
        if (!to.isAfter(from)) {
            throw new AgentToolError("to must be after from");
        }
        int max = number(call.input(), "max_results", 20, 50);
        String base = tools.baseUrl(family());
        List<CalendarEvent> events = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).googleCalendar(base, token).events(from, to, max));
        if (events.isEmpty()) {
            return "No events between " + from + " and " + to + ".";
        }
        StringBuilder text = new StringBuilder(events.size() + " events between " + from + " and " + to + ".\n" + UNTRUSTED);
        for (CalendarEvent event : events) {
            text.append("- ").append(event.start()).append(" to ").append(event.end()).append(": ").append(event.summary())
                    .append(event.location() == null ? "" : " at " + event.location())
                    .append(event.attendees().isEmpty() ? "" : " with " + String.join(", ", event.attendees())).append('\n');
        }
        return text.toString();
    }

    static Instant instant(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException wrong) {
            throw new AgentToolError("'" + value + "' is no RFC 3339 date-time; write it like 2026-12-07T09:00:00+01:00");
        }
    }
}

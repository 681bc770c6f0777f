package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.integrations.calendar.CalendarEvent;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.integrations.calendar.NewEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** calendar_create_event: a new event in the connected primary calendar; invitees only from the approved destinations. */
@ApplicationScoped
public class CalendarCreateEventTool extends AccountTool {

    protected CalendarCreateEventTool() {
        // for the CDI proxy
    }

    @Inject
    public CalendarCreateEventTool(ConnectedTools tools) {
        super(tools, ToolFamily.CALENDAR, """
                {"type":"object","properties":{
                  "summary":{"type":"string","maxLength":300},
                  "description":{"type":"string","maxLength":5000},
                  "start":{"type":"string","maxLength":40,"description":"RFC 3339, e.g. 2026-12-07T10:00:00+01:00"},
                  "end":{"type":"string","maxLength":40},
                  "time_zone":{"type":"string","maxLength":64,"description":"IANA time zone, e.g. Europe/Berlin (default UTC)"},
                  "attendees":{"type":"array","items":{"type":"string","maxLength":320},"maxItems":20,"description":"Invitees: only addresses in the agent's destinations"}},
                 "required":["summary","start","end"]}""");
    }

    @Override
    public String name() {
        return "calendar_create_event";
    }

    @Override
    public String description() {
        return "Creates an event in the connected Google Calendar (primary calendar). Attendees, who get invitations, must be email addresses "
                + "in this agent's destinations.";
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        List<String> emails = Destinations.of(spec, Destinations.Kind.EMAIL);
        List<String> sends = new ArrayList<>();
        sends.add("new events in the connected Google Calendar");
        emails.forEach(email -> sends.add("calendar invitations to " + email));
        return sends;
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public String call(AgentToolCall call) {
        List<String> attendees = strings(call.input(), "attendees");
        attendees.forEach(address -> requireAllowed(call.spec(), Destinations.Kind.EMAIL, address));
        Instant start = CalendarListEventsTool.instant(text(call.input(), "start", 40), null);
        Instant end = CalendarListEventsTool.instant(text(call.input(), "end", 40), null);
        if (!end.isAfter(start)) {
            throw new AgentToolError("end must be after start");
        }
        String zone = call.input().getString("time_zone", "UTC");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw new AgentToolError("'" + zone + "' is no IANA time zone (such as Europe/Berlin)");
        }
        NewEvent event = new NewEvent(text(call.input(), "summary", 300), call.input().getString("description", null), start, end, zone, attendees);
        String base = tools.baseUrl(family());
        CalendarEvent created = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).googleCalendar(base, token).create(event));
        return "Created \"" + created.summary() + "\" from " + created.start() + " to " + created.end() + " (event " + created.id() + ").";
    }
}

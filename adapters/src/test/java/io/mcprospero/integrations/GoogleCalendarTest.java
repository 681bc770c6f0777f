package io.mcprospero.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mcprospero.integrations.calendar.CalendarEvent;
import io.mcprospero.integrations.sdk.GoogleCalendar;
import io.mcprospero.integrations.calendar.NewEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Calendar adapter (Google's Calendar client) against a stand-in of events.list and events.insert on the primary calendar. */
class GoogleCalendarTest {

    @RegisterExtension
    static WireMockExtension calendar = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void eventsOfARangeAreSingleEventsInStartOrder() {
        calendar.stubFor(get(urlPathEqualTo("/calendar/v3/calendars/primary/events")).withQueryParam("singleEvents", equalTo("true"))
                .withQueryParam("orderBy", equalTo("startTime")).withQueryParam("timeMin", equalTo("2026-12-04T00:00:00.000Z"))
                .withHeader("Authorization", equalTo("Bearer ya29.cal"))
                .willReturn(okJson("{\"kind\":\"calendar#events\",\"items\":[{\"id\":\"e1\",\"summary\":\"Stand-up\",\"htmlLink\":\"https://calendar/e1\","
                        + "\"start\":{\"dateTime\":\"2026-12-04T09:00:00+01:00\"},\"end\":{\"dateTime\":\"2026-12-04T09:15:00+01:00\"},"
                        + "\"attendees\":[{\"email\":\"bob@example.com\"}]},{\"id\":\"e2\",\"summary\":\"Holiday\",\"start\":{\"date\":\"2026-12-05\"},"
                        + "\"end\":{\"date\":\"2026-12-06\"}}]}")));

        List<CalendarEvent> events = GoogleCalendar.of(calendar.baseUrl(), "ya29.cal")
                .events(Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-06T00:00:00Z"), 20);

        assertThat(events).extracting(CalendarEvent::summary).containsExactly("Stand-up", "Holiday");
        assertThat(events.get(0).start()).isEqualTo("2026-12-04T09:00:00.000+01:00");
        assertThat(events.get(0).attendees()).containsExactly("bob@example.com");
        assertThat(events.get(1).start()).isEqualTo("2026-12-05");
    }

    @Test
    void aNewEventIsInsertedWithItsTimeZoneAndAttendees() {
        calendar.stubFor(post(urlPathEqualTo("/calendar/v3/calendars/primary/events")).willReturn(okJson("{\"id\":\"new1\",\"summary\":\"Review\","
                + "\"start\":{\"dateTime\":\"2026-12-07T10:00:00Z\"},\"end\":{\"dateTime\":\"2026-12-07T10:30:00Z\"},\"htmlLink\":\"https://calendar/new1\"}")));

        CalendarEvent created = GoogleCalendar.of(calendar.baseUrl(), "ya29.cal").create(new NewEvent("Review", "Q3", Instant.parse("2026-12-07T10:00:00Z"),
                Instant.parse("2026-12-07T10:30:00Z"), "Europe/Berlin", List.of("bob@example.com")));

        assertThat(created.id()).isEqualTo("new1");
        calendar.verify(postRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .withRequestBody(matchingJsonPath("$.summary", equalTo("Review")))
                .withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("Europe/Berlin")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("bob@example.com"))));
    }
}

package io.mcprospero.integrations.sdk;

import io.mcprospero.integrations.calendar.Calendar;
import io.mcprospero.integrations.gmail.Mailbox;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.integrations.slack.SlackWorkspace;
import java.time.Clock;

/** {@link IntegrationSdks} in the provider libraries (found by {@link java.util.ServiceLoader}). */
public final class IntegrationFactory implements IntegrationSdks {

    @Override
    public Mailbox gmail(String baseUrl, String accessToken) {
        return GmailMailbox.of(baseUrl, accessToken);
    }

    @Override
    public Calendar googleCalendar(String baseUrl, String accessToken) {
        return GoogleCalendar.of(baseUrl, accessToken);
    }

    @Override
    public SlackWorkspace slack(String baseUrl, String accessToken) {
        return SlackWebApi.of(baseUrl, accessToken);
    }

    @Override
    public AccountOAuth slackOAuth(OAuthClientSettings settings, Clock clock) {
        return new SlackOAuth(settings, clock);
    }
}

package io.mcprospero.integrations.providers;

import io.mcprospero.integrations.calendar.Calendar;
import io.mcprospero.integrations.gmail.Mailbox;
import io.mcprospero.integrations.oauth.AccountOAuth;
import io.mcprospero.integrations.oauth.OAuthClientSettings;
import io.mcprospero.integrations.slack.SlackWorkspace;
import java.time.Clock;

/**
 * The integrations that need a provider's SDK (Google's API clients, Slack's); they live in the provider libraries,
 * loaded when first used ({@code io.mcprospero.libraries.ProviderLibraries}). Each client acts with the person's
 * access token; {@code baseUrl} is the provider's API root (a stand-in's in tests).
 */
public interface IntegrationSdks {

    Mailbox gmail(String baseUrl, String accessToken);

    Calendar googleCalendar(String baseUrl, String accessToken);

    SlackWorkspace slack(String baseUrl, String accessToken);

    AccountOAuth slackOAuth(OAuthClientSettings settings, Clock clock);
}

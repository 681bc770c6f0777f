package io.mcprospero.integrations.slack;

/** One message of a channel: who (a user id), when (Slack's ts), what. */
public record SlackMessage(String user, String ts, String text) {
}

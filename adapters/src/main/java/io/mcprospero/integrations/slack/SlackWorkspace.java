package io.mcprospero.integrations.slack;

import java.util.List;

/** A Slack workspace as the connected app sees it: post to a channel, read a channel's latest messages. */
public interface SlackWorkspace {

    /** Posts and answers the message's timestamp (its id in the channel). */
    String post(String channel, String text);

    List<SlackMessage> history(String channel, int limit);
}

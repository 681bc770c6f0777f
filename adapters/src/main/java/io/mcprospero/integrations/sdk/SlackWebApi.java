package io.mcprospero.integrations.sdk;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.slack.SlackMessage;
import io.mcprospero.integrations.slack.SlackWorkspace;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The workspace through Slack's Web API (chat.postMessage, conversations.history, conversations.list) on Slack's Java SDK. */
public final class SlackWebApi implements SlackWorkspace {

    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{6,}");

    private final MethodsClient methods;

    private SlackWebApi(MethodsClient methods) {
        this.methods = methods;
    }

    /** With {@code baseUrl} null, Slack's own address. */
    public static SlackWorkspace of(String baseUrl, String accessToken) {
        return new SlackWebApi(SlackClients.slack(baseUrl).methods(accessToken));
    }

    @Override
    public String post(String channel, String text) {
        String id = channelId(channel);
        return SlackClients.call("post to " + channel, () -> methods.chatPostMessage(r -> r.channel(id).text(text).mrkdwn(true))).getTs();
    }

    @Override
    public List<SlackMessage> history(String channel, int limit) {
        String id = channelId(channel);
        ConversationsHistoryResponse history = SlackClients.call("read " + channel, () -> methods.conversationsHistory(r -> r.channel(id).limit(limit)));
        return history.getMessages() == null ? List.of()
                : history.getMessages().stream().map(m -> new SlackMessage(m.getUser(), m.getTs(), m.getText())).toList();
    }

    /** A channel id as given, or the id of the channel of that name ({@code #digest} or {@code digest}). */
    private String channelId(String channel) {
        String name = channel.strip();
        if (CHANNEL_ID.matcher(name).matches()) {
            return name;
        }
        String wanted = name.startsWith("#") ? name.substring(1) : name;
        String cursor = null;
        do {
            String page = cursor;
            ConversationsListResponse list = SlackClients.call("list channels", () -> methods.conversationsList(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)).excludeArchived(true).limit(200).cursor(page)));
            Optional<String> found = list.getChannels() == null ? Optional.empty()
                    : list.getChannels().stream().filter(c -> wanted.equals(c.getName())).map(Conversation::getId).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            cursor = list.getResponseMetadata() == null ? null : list.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "Slack has no channel named #" + wanted
                + " that the app can see (invite the MCProspero app to it)");
    }
}

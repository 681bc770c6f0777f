package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.integrations.slack.SlackMessage;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** slack_read_channel: the latest messages of a Slack channel the approved version names. */
@ApplicationScoped
public class SlackReadChannelTool extends AccountTool {

    protected SlackReadChannelTool() {
        // for the CDI proxy
    }

    @Inject
    public SlackReadChannelTool(ConnectedTools tools) {
        super(tools, ToolFamily.SLACK, """
                {"type":"object","properties":{
                  "channel":{"type":"string","maxLength":100,"description":"A channel in the agent's destinations, e.g. #team"},
                  "limit":{"type":"integer","minimum":1,"maximum":50,"description":"At most this many of the latest messages (default 20)"}},
                 "required":["channel"]}""");
    }

    @Override
    public String name() {
        return "slack_read_channel";
    }

    @Override
    public String description() {
        return "Reads the latest messages of a Slack channel of the connected workspace, newest first. Only the channels in this agent's "
                + "destinations.";
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return Destinations.of(spec, Destinations.Kind.SLACK_CHANNEL).stream().map(channel -> "messages of Slack channel " + channel).toList();
    }

    @Override
    public void check(AgentSpec spec) {
        requireDestinations(spec, Destinations.Kind.SLACK_CHANNEL, "\"#team\"");
    }

    @Override
    public String call(AgentToolCall call) {
        String channel = SlackPostMessageTool.slackChannel(text(call.input(), "channel", 100));
        requireAllowed(call.spec(), Destinations.Kind.SLACK_CHANNEL, channel);
        int limit = number(call.input(), "limit", 20, 50);
        String base = tools.baseUrl(family());
        List<SlackMessage> messages = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).slack(base, token).history(channel, limit));
        if (messages.isEmpty()) {
            return channel + " has no messages.";
        }
        StringBuilder text = new StringBuilder(messages.size() + " latest messages of " + channel + ".\n" + UNTRUSTED);
        messages.forEach(m -> text.append("- ").append(m.ts()).append(' ').append(m.user()).append(": ").append(m.text()).append('\n'));
        return text.toString();
    }
}

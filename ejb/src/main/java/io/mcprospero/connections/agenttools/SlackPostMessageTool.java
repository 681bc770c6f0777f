package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** slack_post_message: a message to a Slack channel the approved version names. */
@ApplicationScoped
public class SlackPostMessageTool extends AccountTool {

    protected SlackPostMessageTool() {
        // for the CDI proxy
    }

    @Inject
    public SlackPostMessageTool(ConnectedTools tools) {
        super(tools, ToolFamily.SLACK, """
                {"type":"object","properties":{
                  "channel":{"type":"string","maxLength":100,"description":"A channel in the agent's destinations, e.g. #work-digest"},
                  "text":{"type":"string","maxLength":4000,"description":"The message (Slack mrkdwn)"}},
                 "required":["channel","text"]}""");
    }

    @Override
    public String name() {
        return "slack_post_message";
    }

    @Override
    public String description() {
        return "Posts a message to a Slack channel of the connected workspace. Only to the channels in this agent's destinations.";
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        return Destinations.of(spec, Destinations.Kind.SLACK_CHANNEL).stream().map(channel -> "Slack channel " + channel).toList();
    }

    @Override
    public void check(AgentSpec spec) {
        requireDestinations(spec, Destinations.Kind.SLACK_CHANNEL, "\"#work-digest\"");
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public String call(AgentToolCall call) {
        String channel = slackChannel(text(call.input(), "channel", 100));
        requireAllowed(call.spec(), Destinations.Kind.SLACK_CHANNEL, channel);
        String message = text(call.input(), "text", 4000);
        String base = tools.baseUrl(family());
        String ts = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).slack(base, token).post(channel, message));
        return "Posted to " + channel + " (message " + ts + ").";
    }

    /** "work-digest" and "#work-digest" are the same channel. */
    static String slackChannel(String channel) {
        String name = channel.strip();
        return name.startsWith("#") || Destinations.kindOf(name).orElse(null) == Destinations.Kind.SLACK_CHANNEL ? name : "#" + name;
    }
}

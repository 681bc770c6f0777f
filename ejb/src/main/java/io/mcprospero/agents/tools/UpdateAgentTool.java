package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.agents.runs.RunStarter;
import io.mcprospero.agents.runs.RunTracing;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.mcp.Progress;
import io.mcprospero.mcp.TaskStarted;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentStatus;
import io.mcprospero.runs.RunRequest;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/** update_agent: modify (a new version), approve (the person's), pause, resume, run_now. */
@ApplicationScoped
public class UpdateAgentTool implements Tool {

    private Agents agents;
    private Approvals approvals;
    private RunStarter runs;
    private OAuthSettings settings;
    private RunFollower follower;

    protected UpdateAgentTool() {
        // for the CDI proxy
    }

    @Inject
    public UpdateAgentTool(Agents agents, Approvals approvals, RunStarter runs, OAuthSettings settings, RunFollower follower) {
        this.agents = agents;
        this.approvals = approvals;
        this.runs = runs;
        this.settings = settings;
        this.follower = follower;
    }

    @Override
    public String name() {
        return "update_agent";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    /** Each action is its own transaction: run_now must commit its run before the engine starts it and it is followed. */
    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String action = arguments.getString("action");
        String ref = arguments.getString("agent");
        JsonObjectBuilder extra = Jsons.object().add("action", action);
        return switch (action) {
            case "modify" -> modify(context, arguments, ref, extra);
            case "approve" -> {
                AgentState state = agents.get(context.caller(), ref);
                if (state.agent().status() != AgentStatus.PENDING_APPROVAL && state.agent().approvedVersion() != null
                        && state.agent().approvedVersion() == state.agent().currentVersion()) {
                    yield ToolResult.of(state.agent().name() + " version " + state.agent().currentVersion() + " is approved already.",
                            extra.add("outcome", "approved").add("agent", AgentViews.agent(state)).build());
                }
                yield approvals.ask(context, state, extra);
            }
            case "pause" -> {
                AgentState paused = agents.pause(context.caller(), ref);
                yield ToolResult.of(paused.agent().name() + " is paused: it does not run until resumed.",
                        extra.add("outcome", "paused").add("agent", AgentViews.agent(paused)).build());
            }
            case "resume" -> {
                AgentState resumed = agents.resume(context.caller(), ref);
                yield ToolResult.of(resumed.agent().name() + " is active again; it runs " + resumed.manifest().when() + ".",
                        extra.add("outcome", "resumed").add("agent", AgentViews.agent(resumed)).build());
            }
            case "run_now" -> {
                Agent agent = agents.runnable(context.caller(), ref);
                String runId = UUID.randomUUID().toString();
                runs.start(new RunRequest(agent.id(), runId, "run_now", null, RunTracing.currentTraceparent()));
                if (context.client().followsTasks()) {
                    throw new TaskStarted(runId, Instant.now());
                }
                if (context.progress() != Progress.NONE) {
                    yield follower.follow(context.caller(), context.progress(), agent.name(), runId, extra);
                }
                yield ToolResult.of("A run of " + agent.name() + " started: " + runId + ". Call get_run with it to see how it goes.",
                        extra.add("outcome", "started").add("run_id", runId).build());
            }
            default -> throw new InvalidInput("unknown action '" + action + "'; use modify, approve, pause, resume or run_now");
        };
    }

    private ToolResult modify(ToolContext context, JsonObject arguments, String ref, JsonObjectBuilder extra) {
        AgentState changed = agents.modify(context.caller(), ref, arguments);
        if (changed.newWebhookSecret() != null) {
            extra.add("webhook_url", AgentViews.webhookUrl(settings, changed));
        }
        if (changed.agent().status() == AgentStatus.PENDING_APPROVAL) {
            ToolResult asked = approvals.ask(context, changed, extra);
            return new ToolResult("Saved as version " + changed.agent().currentVersion() + ", which changes what the agent reads, "
                    + "sends or when it runs. " + asked.text(), asked.structured(), false);
        }
        return ToolResult.of("Saved as version " + changed.agent().currentVersion() + "; its approval stands (what it reads, sends "
                + "and when it runs are unchanged).", extra.add("outcome", "modified").add("agent", AgentViews.agent(changed)).build());
    }
}

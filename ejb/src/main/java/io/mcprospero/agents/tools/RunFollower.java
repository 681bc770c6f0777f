package io.mcprospero.agents.tools;

import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.authz.Caller;
import io.mcprospero.mcp.Progress;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.agents.AgentRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * run_now for a client that asked for progress: the call stays open while the run goes on, each model turn and tool
 * call is reported as progress, and the answer is the run's outcome. The run itself is durable and does not depend on
 * the call: when the client goes away or the wait is over, the answer (if anyone hears it) says to use get_run.
 */
@ApplicationScoped
public class RunFollower {

    /** Often enough for a person watching; each look is one indexed read and a transcript decryption. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(700);

    private AgentRuns runs;
    private Duration longest;

    protected RunFollower() {
        // for the CDI proxy
    }

    @Inject
    public RunFollower(AgentRuns runs, @ConfigProperty(name = "mcprospero.agents.run-now-follow") Duration longest) {
        this.runs = runs;
        this.longest = longest;
    }

    public ToolResult follow(Caller caller, Progress progress, String agentName, String runId, JsonObjectBuilder extra) {
        Instant until = Instant.now().plus(longest);
        long reported = -1;
        progress.report(0, null, "the run of " + agentName + " started");
        while (Instant.now().isBefore(until) && !progress.cancelled()) {
            AgentRuns.RunWithTranscript found = runs.get(caller, runId);
            AgentRun run = found.run();
            long steps = (long) run.turns() + run.toolCalls();
            if (!AgentRun.RUNNING.equals(run.status())) {
                return ToolResult.of("The run of " + agentName + " " + run.status() + (run.reason() == null ? "" : " (" + run.reason() + ")")
                                + " after " + run.turns() + " model turns and " + run.toolCalls() + " tool calls. Its transcript: get_run "
                                + runId + ".",
                        extra.add("outcome", run.status()).add("run_id", runId).add("run", AgentViews.runDetail(found)).build());
            }
            if (steps > reported) {
                progress.report(steps, null, "model turn " + run.turns() + ", " + run.toolCalls() + " tool calls so far");
                reported = steps;
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ToolResult.of("The run of " + agentName + " goes on: " + runId + ". Call get_run with it to see how it goes.",
                extra.add("outcome", "started").add("run_id", runId).build());
    }
}

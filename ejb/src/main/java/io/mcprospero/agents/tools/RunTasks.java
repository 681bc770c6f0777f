package io.mcprospero.agents.tools;

import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.authz.Caller;
import io.mcprospero.failure.DomainException;
import io.mcprospero.mcp.TaskSource;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.runtime.WorkflowEngine;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Runs started by run_now as tasks, for clients that follow tasks: the task id is the run id, so tasks/get reads the
 * run on any instance. A run that ended, well or not, is a completed task whose result is what get_run would say (an
 * error result when the run failed or stopped); a cancelled run is a cancelled task.
 */
@ApplicationScoped
public class RunTasks implements TaskSource {

    private AgentRuns runs;
    private WorkflowEngine engine;

    protected RunTasks() {
        // for the CDI proxy
    }

    @Inject
    public RunTasks(AgentRuns runs, WorkflowEngine engine) {
        this.runs = runs;
        this.engine = engine;
    }

    @Override
    public Optional<Task> get(Caller caller, String taskId) {
        return find(caller, taskId).map(RunTasks::task);
    }

    @Override
    public Optional<Task> cancel(Caller caller, String taskId) {
        Optional<AgentRuns.RunWithTranscript> found = find(caller, taskId);
        found.ifPresent(run -> {
            runs.requireMayRun(caller);
            if (AgentRun.RUNNING.equals(run.run().status())) {
                engine.agents().cancel(taskId);
            }
        });
        return found.map(RunTasks::task);
    }

    private Optional<AgentRuns.RunWithTranscript> find(Caller caller, String taskId) {
        try {
            return Optional.of(runs.get(caller, taskId));
        } catch (DomainException notTheirs) {
            return Optional.empty();
        }
    }

    private static Task task(AgentRuns.RunWithTranscript found) {
        AgentRun run = found.run();
        String status = switch (run.status()) {
            case AgentRun.RUNNING -> "working";
            case "cancelled" -> "cancelled";
            default -> "completed";
        };
        ToolResult result = null;
        if (status.equals("completed")) {
            String text = "The run " + run.status() + (run.reason() == null ? "" : " (" + run.reason() + ")") + " after " + run.turns()
                    + " model turns and " + run.toolCalls() + " tool calls.";
            result = new ToolResult(text, Jsons.object().add("outcome", run.status()).add("run_id", run.id())
                    .add("run", AgentViews.runDetail(found)).build(), !"completed".equals(run.status()));
        }
        return new Task(run.id(), status, "model turn " + run.turns() + ", " + run.toolCalls() + " tool calls", run.startedAt(),
                run.finishedAt() == null ? run.startedAt() : run.finishedAt(), result);
    }
}

package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import io.mcprospero.mcp.mrtr.ClientAbilities;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 2026-07-28 tasks extension (SEP-2663), for the features' tasks: tasks/get (the task, with the tool's result once
 * completed) and tasks/cancel. The server decides which calls become tasks; only clients that declare the extension get
 * one. The task id is the feature's own durable id, so any instance answers for it.
 */
@ApplicationScoped
public class TaskCatalog {

    public static final Set<String> METHODS = Set.of("tasks/get", "tasks/cancel");
    /** How long a finished task stays readable is the feature's (runs are kept); clients are told a day. */
    static final long TTL_MS = 86_400_000;
    static final long POLL_MS = 2_000;

    private List<TaskSource> sources;
    private String surfaceVersion;

    protected TaskCatalog() {
        // for the CDI proxy
    }

    @Inject
    public TaskCatalog(@Any Instance<TaskSource> sources) {
        this.sources = sources.stream().toList();
        this.surfaceVersion = ToolSurface.version();
    }

    public void declare(JsonObjectBuilder capabilities) {
        capabilities.add("extensions", Jsons.object().add(ClientAbilities.TASKS_EXTENSION, Jsons.object()));
    }

    /** The answer to a call that started a task: the task itself, flat, still working. */
    public static JsonObjectBuilder created(ToolOutcome.TaskCreated task) {
        return Jsons.object().add("resultType", "task").add("taskId", task.taskId()).add("status", "working")
                .add("createdAt", task.createdAt().toString()).add("lastUpdatedAt", task.createdAt().toString())
                .add("ttlMs", TTL_MS).add("pollIntervalMs", POLL_MS);
    }

    public JsonObjectBuilder answer(String method, JsonObject params, Caller caller) {
        String taskId = taskId(params);
        return switch (method) {
            case "tasks/get" -> detailed(find(taskId, caller, TaskSource::get));
            case "tasks/cancel" -> {
                find(taskId, caller, TaskSource::cancel);
                yield Jsons.object();
            }
            default -> throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private TaskSource.Task find(String taskId, Caller caller, Find find) {
        for (TaskSource source : sources) {
            Optional<TaskSource.Task> task = find.apply(source, caller, taskId);
            if (task.isPresent()) {
                return task.get();
            }
        }
        throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "no task '" + taskId + "' of yours; a task id comes from the tools/call "
                + "that started it", Jsons.object().add("taskId", taskId).build());
    }

    private JsonObjectBuilder detailed(TaskSource.Task task) {
        JsonObjectBuilder json = Jsons.object().add("taskId", task.taskId()).add("status", task.status())
                .add("createdAt", task.createdAt().toString()).add("lastUpdatedAt", task.lastUpdatedAt().toString())
                .add("ttlMs", TTL_MS).add("pollIntervalMs", POLL_MS);
        if (task.statusMessage() != null) {
            json.add("statusMessage", task.statusMessage());
        }
        if (task.result() != null) {
            json.add("result", Jsons.object(task.result().toJson(surfaceVersion)).add("resultType", "complete"));
        }
        return json;
    }

    private static String taskId(JsonObject params) {
        if (!(params.get("taskId") instanceof JsonString id) || id.getString().isBlank() || id.getString().length() > 100) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "params.taskId is required (the id a tools/call answered with)");
        }
        return id.getString().strip();
    }

    @FunctionalInterface
    private interface Find {
        Optional<TaskSource.Task> apply(TaskSource source, Caller caller, String taskId);
    }
}

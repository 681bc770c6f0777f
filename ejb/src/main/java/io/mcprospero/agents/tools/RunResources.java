package io.mcprospero.agents.tools;

import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.authz.Caller;
import io.mcprospero.mcp.ResourceSource;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Runs' transcripts as MCP resources ({@code mcprospero://runs/{id}}): what get_run shows, for clients that attach resources. */
@ApplicationScoped
public class RunResources implements ResourceSource {

    static final String PREFIX = "mcprospero://runs/";
    /** A list is a recent window, not an archive: list_runs pages through an agent's history. */
    private static final int LISTED = 50;

    private AgentRuns runs;

    protected RunResources() {
        // for the CDI proxy
    }

    @Inject
    public RunResources(AgentRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<JsonObject> list(Caller caller) {
        return runs.latestOfOrg(caller, LISTED).stream().map(RunResources::descriptor).toList();
    }

    @Override
    public List<JsonObject> templates() {
        return List.of(Jsons.object().add("uriTemplate", PREFIX + "{run_id}").add("name", "run")
                .add("title", "An agent run's transcript")
                .add("description", "Every model turn and tool call of one run, as get_run shows it.")
                .add("mimeType", "application/json").build());
    }

    @Override
    public Optional<JsonObject> read(Caller caller, String uri) {
        if (!uri.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonObject run = AgentViews.runDetail(runs.get(caller, uri.substring(PREFIX.length())));
        return Optional.of(Jsons.object().add("uri", uri).add("mimeType", "application/json").add("text", run.toString()).build());
    }

    private static JsonObject descriptor(AgentRun run) {
        return Jsons.object()
                .add("uri", PREFIX + run.id())
                .add("name", "run-" + run.id())
                .add("title", "Run of agent " + run.agentId() + " v" + run.agentVersion() + ", " + run.status() + ", " + run.startedAt())
                .add("mimeType", "application/json")
                .build();
    }
}

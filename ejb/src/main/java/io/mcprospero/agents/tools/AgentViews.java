package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.runs.AgentRuns;
import io.mcprospero.agents.runs.Transcript;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.persistence.agents.Agent;
import io.mcprospero.persistence.agents.AgentRun;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Agents and runs as the tools show them. */
final class AgentViews {

    /** How much of each tool result a run's view shows. */
    static final int MAX_RESULT = 2_000;

    private AgentViews() {
    }

    static JsonObject agent(AgentState state) {
        Agent agent = state.agent();
        JsonObjectBuilder json = Jsons.object(state.spec().toJson())
                .add("id", agent.id())
                .add("name", agent.name())
                .add("status", agent.status().wireName())
                .add("version", agent.currentVersion())
                .add("manifest", state.manifest().toJson())
                .add("created_at", agent.createdAt().toString())
                .add("updated_at", agent.updatedAt().toString());
        if (agent.approvedVersion() == null) {
            json.add("approved_version", JsonValue.NULL);
        } else {
            json.add("approved_version", agent.approvedVersion());
        }
        return json.build();
    }

    static String webhookUrl(OAuthSettings settings, AgentState state) {
        return settings.issuer() + "/hooks/" + state.agent().id() + "/" + state.newWebhookSecret();
    }

    /** A run with its steps (every model turn, then its tool calls) and the model's last words. */
    static JsonObject runDetail(AgentRuns.RunWithTranscript found) {
        JsonArrayBuilder steps = Jsons.array();
        found.transcript().ifPresent(transcript -> {
            for (JsonObject turn : transcript.turns()) {
                steps.add(Jsons.object(turn).add("kind", "model_turn"));
                for (JsonObject call : transcript.calls()) {
                    if (call.getInt("turn") == turn.getInt("turn")) {
                        String callId = call.getString("id");
                        JsonObjectBuilder step = Jsons.object(call).add("kind", "tool_call");
                        transcript.toolUse(call.getInt("turn"), callId).ifPresent(use -> step.add("input", use.getJsonObject("input")));
                        transcript.resultOf(callId).ifPresent(result -> step.add("result", excerpt(result)));
                        steps.add(step);
                    }
                }
            }
        });
        JsonObjectBuilder detail = Jsons.object(run(found.run()))
                .add("steps", steps)
                .add("final_text", found.transcript().map(Transcript::lastText).orElse(""));
        if (!found.deliveries().isEmpty()) {
            detail.add("deliveries", Jsons.array(found.deliveries()));
        }
        return detail.build();
    }

    /** Tool results are kept in the transcript up to Transcript.MAX_TEXT; a run's view shows their start. */
    private static String excerpt(String result) {
        return result.length() <= MAX_RESULT ? result : result.substring(0, MAX_RESULT) + "...";
    }

    static JsonObject run(AgentRun run) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", run.id())
                .add("agent_id", run.agentId())
                .add("agent_version", run.agentVersion())
                .add("trigger", run.trigger())
                .add("status", run.status())
                .add("started_at", run.startedAt().toString())
                .add("turns", run.turns())
                .add("tool_calls", run.toolCalls())
                .add("units", run.units());
        if (run.finishedAt() != null) {
            json.add("finished_at", run.finishedAt().toString());
        }
        if (run.reason() != null) {
            json.add("reason", run.reason());
        }
        if (run.traceId() != null) {
            json.add("trace_id", run.traceId());
        }
        return json.build();
    }
}

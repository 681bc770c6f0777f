package io.mcprospero.agents.toolbox;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/** remember: the agent keeps a short note for its next runs (what it already reported, a cursor, a preference). */
@ApplicationScoped
public class RememberTool implements AgentTool {

    static final int MAX_NOTE = 2_000;

    private AgentNotes notes;

    protected RememberTool() {
        // for the CDI proxy
    }

    @Inject
    public RememberTool(AgentNotes notes) {
        this.notes = notes;
    }

    @Override
    public String name() {
        return "remember";
    }

    @Override
    public String description() {
        return "Keeps a short note for your next runs (for example which emails you already summarised). Your notes are "
                + "given to you at the start of every run; the oldest are dropped after " + AgentNotes.MAX_NOTES + ".";
    }

    @Override
    public JsonObject inputSchema() {
        return Jsons.object()
                .add("type", "object")
                .add("properties", Jsons.object().add("note", Jsons.object().add("type", "string").add("maxLength", MAX_NOTE)))
                .add("required", Jsons.array().add("note"))
                .build();
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return List.of("its own notes from earlier runs");
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        return List.of();
    }

    @Override
    public String call(AgentToolCall call) {
        String note = call.input().getString("note", "").strip();
        if (note.isEmpty() || note.length() > MAX_NOTE) {
            throw new AgentToolError("a note is 1 to " + MAX_NOTE + " characters of text");
        }
        boolean added = notes.add(call.orgId(), call.agentId(), call.idempotencyKey(), note);
        return added ? "Noted." : "Noted (already kept).";
    }
}

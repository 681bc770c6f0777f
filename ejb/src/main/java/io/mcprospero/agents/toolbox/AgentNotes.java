package io.mcprospero.agents.toolbox;

import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.secrets.SecretsBackend;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An agent's notes for its next runs (its remember tool), sealed as a secret of its org. Each note carries the key of
 * the call that wrote it, so a retried call adds it once; the oldest go when there are more than {@link #MAX_NOTES}.
 */
@ApplicationScoped
public class AgentNotes {

    public static final int MAX_NOTES = 20;

    private SecretsBackend secrets;

    protected AgentNotes() {
        // for the CDI proxy
    }

    @Inject
    public AgentNotes(SecretsBackend secrets) {
        this.secrets = secrets;
    }

    static String secretName(String agentId) {
        return "agent-notes/" + agentId;
    }

    public List<String> of(String orgId, String agentId) {
        return stored(orgId, agentId).getValuesAs(JsonObject.class).stream().map(note -> note.getString("text")).toList();
    }

    /** Adds a note; false when the note of this key was kept already. */
    public boolean add(String orgId, String agentId, String key, String text) {
        JsonArray notes = stored(orgId, agentId);
        if (notes.getValuesAs(JsonObject.class).stream().anyMatch(note -> key.equals(note.getString("key", null)))) {
            return false;
        }
        JsonArrayBuilder kept = Jsons.array();
        int skip = Math.max(0, notes.size() + 1 - MAX_NOTES);
        for (int i = skip; i < notes.size(); i++) {
            kept.add(notes.get(i));
        }
        kept.add(Jsons.object().add("key", key).add("text", text));
        secrets.put(orgId, secretName(agentId), SecretKind.AGENT_NOTES, kept.build().toString().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    public void forget(String orgId, String agentId) {
        secrets.delete(orgId, secretName(agentId));
    }

    private JsonArray stored(String orgId, String agentId) {
        return secrets.get(orgId, secretName(agentId))
                .map(bytes -> Jsons.reader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readArray())
                .orElse(JsonValue.EMPTY_JSON_ARRAY);
    }
}

package io.mcprospero.mcp.mrtr;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person's answers to the questions of an earlier round, by question key: elicitation results ({@code action}
 * accept, decline or cancel; {@code content} with accept). Only answers to questions the verified request state
 * names are kept; anything else in inputResponses is ignored, as the spec asks.
 */
public final class InputAnswers {

    public static final InputAnswers NONE = new InputAnswers(Map.of());
    private static final Set<String> ACTIONS = Set.of("accept", "decline", "cancel");

    private final Map<String, JsonObject> byKey;

    private InputAnswers(Map<String, JsonObject> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /**
     * The answers to {@code asked} in a request's inputResponses; refuses a map or an answer of the wrong
     * shape, so that a broken client learns what it sent wrong.
     */
    public static InputAnswers read(JsonValue inputResponses, Set<String> asked) {
        if (inputResponses == null || inputResponses == JsonValue.NULL) {
            return NONE;
        }
        if (!(inputResponses instanceof JsonObject responses)) {
            throw new InputRefused("inputResponses must be an object of answers by question key");
        }
        Map<String, JsonObject> kept = new HashMap<>();
        for (String key : asked) {
            JsonValue answer = responses.get(key);
            if (answer == null || answer == JsonValue.NULL) {
                continue;
            }
            if (!(answer instanceof JsonObject result) || !(result.get("action") instanceof JsonString action)
                    || !ACTIONS.contains(action.getString())) {
                throw new InputRefused("inputResponses." + key
                        + " must be an elicitation result: {\"action\": \"accept\" | \"decline\" | \"cancel\", \"content\": {...}}");
            }
            JsonValue content = result.get("content");
            if (content != null && content != JsonValue.NULL && !(content instanceof JsonObject)) {
                throw new InputRefused("inputResponses." + key + ".content must be an object");
            }
            kept.put(key, result);
        }
        return new InputAnswers(kept);
    }

    /** Answers the server collected itself (a legacy client answering elicitation/create on the response stream). */
    public static InputAnswers collected(Map<String, JsonObject> answers) {
        return new InputAnswers(answers);
    }

    public Optional<JsonObject> answer(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}

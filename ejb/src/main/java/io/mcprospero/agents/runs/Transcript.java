package io.mcprospero.agents.runs;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's transcript: the system prompt, the messages exchanged with the model (our own JSON, independent of any
 * provider), and a record of each turn and tool call (timings, tokens, units, errors). Tool results and inputs are
 * truncated to {@link #MAX_TEXT} characters. {@code started} names the calls that send something and were begun: one begun
 * without a result is not made again (see RunSteps.act). Immutable: each change answers a new transcript.
 */
public record Transcript(String model, String system, List<JsonObject> messages, List<JsonObject> turns, List<JsonObject> calls,
                         List<String> started) {

    public static final int MAX_TEXT = 20_000;

    public static Transcript start(String model, String system, String task) {
        JsonObject first = message("user", Jsons.array().add(Jsons.object().add("type", "text").add("text", task)).build());
        return new Transcript(model, system, List.of(first), List.of(), List.of(), List.of());
    }

    /** The model's answer of a turn, with its record. */
    public Transcript withTurn(JsonArray content, JsonObject record) {
        return new Transcript(model, system, plus(messages, message("assistant", content)), plus(turns, record), calls, started);
    }

    /** A tool's result for the last turn; results of one turn share one user message, as the models expect. */
    public Transcript withToolResult(String callId, String content, boolean isError, JsonObject record) {
        JsonObject result = Jsons.object().add("type", "tool_result").add("tool_use_id", callId).add("content", truncated(content))
                .add("is_error", isError).build();
        List<JsonObject> next = new ArrayList<>(messages);
        JsonObject last = next.get(next.size() - 1);
        if ("user".equals(last.getString("role"))) {
            JsonArrayBuilder content2 = Jsons.array();
            last.getJsonArray("content").forEach(content2::add);
            next.set(next.size() - 1, message("user", content2.add(result).build()));
        } else {
            next.add(message("user", Jsons.array().add(result).build()));
        }
        return new Transcript(model, system, List.copyOf(next), turns, plus(calls, record), started);
    }

    /** Notes that a call that sends something is about to be made. */
    public Transcript withStarted(String callId) {
        List<String> next = new ArrayList<>(started);
        next.add(callId);
        return new Transcript(model, system, messages, turns, calls, List.copyOf(next));
    }

    /** Whether the call was begun (its effect may have happened) but its result was never recorded. */
    public boolean startedWithoutResult(String callId) {
        return started.contains(callId) && !hasResult(callId);
    }

    public int turnsTaken() {
        return turns.size();
    }

    /** The tool calls the model asked for in {@code turn} (0-based), by id. */
    public List<JsonObject> toolUsesOf(int turn) {
        int seen = -1;
        for (JsonObject message : messages) {
            if ("assistant".equals(message.getString("role")) && ++seen == turn) {
                return message.getJsonArray("content").getValuesAs(JsonObject.class).stream()
                        .filter(block -> "tool_use".equals(block.getString("type"))).toList();
            }
        }
        return List.of();
    }

    public Optional<JsonObject> toolUse(int turn, String callId) {
        return toolUsesOf(turn).stream().filter(block -> callId.equals(block.getString("id"))).findFirst();
    }

    /** The text of the tool result given for {@code callId}, if any. */
    public Optional<String> resultOf(String callId) {
        return messages.stream().filter(message -> "user".equals(message.getString("role")))
                .flatMap(message -> message.getJsonArray("content").getValuesAs(JsonObject.class).stream())
                .filter(block -> "tool_result".equals(block.getString("type")) && callId.equals(block.getString("tool_use_id", null)))
                .map(block -> block.getString("content", "")).findFirst();
    }

    public boolean hasResult(String callId) {
        return calls.stream().anyMatch(call -> callId.equals(call.getString("id")));
    }

    /** The model's last words, for the run's summary. */
    public String lastText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonObject message = messages.get(i);
            if ("assistant".equals(message.getString("role"))) {
                StringBuilder text = new StringBuilder();
                message.getJsonArray("content").getValuesAs(JsonObject.class).stream()
                        .filter(block -> "text".equals(block.getString("type")))
                        .forEach(block -> text.append(block.getString("text")));
                return text.toString();
            }
        }
        return "";
    }

    public JsonObject toJson() {
        return Jsons.object()
                .add("model", model)
                .add("system", system)
                .add("messages", Jsons.array(messages))
                .add("turns", Jsons.array(turns))
                .add("calls", Jsons.array(calls))
                .add("started", Jsons.array(started))
                .build();
    }

    public static Transcript fromJson(JsonObject json) {
        return new Transcript(json.getString("model"), json.getString("system"), objects(json, "messages"), objects(json, "turns"),
                objects(json, "calls"), json.get("started") instanceof JsonArray ids
                        ? ids.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList() : List.of());
    }

    static String truncated(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + " [truncated: " + text.length() + " characters in all]";
    }

    private static JsonObject message(String role, JsonArray content) {
        return Jsons.object().add("role", role).add("content", content).build();
    }

    private static List<JsonObject> objects(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonArray array ? array.getValuesAs(JsonObject.class) : List.of();
    }

    private static List<JsonObject> plus(List<JsonObject> list, JsonObject item) {
        List<JsonObject> next = new ArrayList<>(list);
        next.add(item);
        return List.copyOf(next);
    }
}

package io.mcprospero.agents;

import io.mcprospero.runs.ScheduleSpec;
import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * What an agent does, as one version holds it: its instructions, the model (null: the platform's), the tools it may
 * call, the hosts http_fetch may reach, the destinations its send tools may reach (see {@link Destinations}), when it runs (a schedule, a webhook, or both), where its results go, and
 * its limits per run.
 */
public record AgentSpec(String instructions, String model, List<String> tools, List<String> allowedHosts, List<String> destinations,
                        ScheduleSpec schedule,
                        boolean webhook, String delivery, Limits limits) {

    /** Limits of one run: model turns, units and wall-clock minutes. */
    public record Limits(int maxTurns, long maxUnits, int maxMinutes) {
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsons.object()
                .add("instructions", instructions)
                .add("tools", Jsons.array(tools))
                .add("allowed_hosts", Jsons.array(allowedHosts))
                .add("destinations", Jsons.array(destinations))
                .add("webhook", webhook)
                .add("limits", Jsons.object()
                        .add("max_turns", limits.maxTurns())
                        .add("max_units", limits.maxUnits())
                        .add("max_minutes", limits.maxMinutes()));
        if (model != null) {
            json.add("model", model);
        }
        if (delivery != null) {
            json.add("delivery", delivery);
        }
        if (schedule != null) {
            JsonObjectBuilder when = Jsons.object().add("timezone", schedule.zone());
            if (schedule.cron() != null) {
                when.add("cron", schedule.cron());
            }
            if (schedule.interval() != null) {
                when.add("interval", schedule.interval());
            }
            json.add("schedule", when);
        }
        return json.build();
    }

    /** Reads what {@link #toJson} wrote (stored versions are valid: they were checked when written). */
    public static AgentSpec fromJson(JsonObject json) {
        JsonObject limits = json.getJsonObject("limits");
        JsonValue schedule = json.get("schedule");
        ScheduleSpec when = schedule instanceof JsonObject s
                ? new ScheduleSpec(s.getString("cron", null), s.getString("interval", null), s.getString("timezone")) : null;
        return new AgentSpec(json.getString("instructions"), json.getString("model", null), strings(json, "tools"),
                strings(json, "allowed_hosts"), strings(json, "destinations"), when, json.getBoolean("webhook", false), json.getString("delivery", null),
                new Limits(limits.getInt("max_turns"), limits.getJsonNumber("max_units").longValue(), limits.getInt("max_minutes")));
    }

    static List<String> strings(JsonObject json, String key) {
        return json.containsKey(key) ? json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }
}

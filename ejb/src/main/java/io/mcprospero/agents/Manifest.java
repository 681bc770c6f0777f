package io.mcprospero.agents;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * What the person approves: what the agent reads, where it may send, which tools and hosts, when it runs and how
 * often, and what a run is expected to cost. A new version whose reach ({@link #sameReach}) differs needs a new approval.
 */
public record Manifest(List<String> reads, List<String> sendsTo, List<String> tools, List<String> allowedHosts, String when,
                       double runsPerDay, long estimatedUnitsPerRun, long maxUnitsPerRun) {

    /** Whether both let the agent read, send, reach and run the same: then a change keeps the approval. */
    public boolean sameReach(Manifest other) {
        return reads.equals(other.reads) && sendsTo.equals(other.sendsTo) && tools.equals(other.tools)
                && allowedHosts.equals(other.allowedHosts) && when.equals(other.when);
    }

    /** The manifest as the person reads it, one line per fact. */
    public String describe(String agentName) {
        return "Agent \"" + agentName + "\"\n"
                + "Reads: " + (reads.isEmpty() ? "nothing beyond its instructions" : String.join("; ", reads)) + "\n"
                + "May send to: " + (sendsTo.isEmpty() ? "nowhere (results stay in its runs)" : String.join("; ", sendsTo)) + "\n"
                + "Tools: " + (tools.isEmpty() ? "none" : String.join(", ", tools)) + "\n"
                + (allowedHosts.isEmpty() ? "" : "Web hosts: " + String.join(", ", allowedHosts) + "\n")
                + "Runs: " + when + "\n"
                + "Cost: about " + estimatedUnitsPerRun + " units a run (at most " + maxUnitsPerRun + ")";
    }

    public JsonObject toJson() {
        return Jsons.object()
                .add("reads", Jsons.array(reads))
                .add("sends_to", Jsons.array(sendsTo))
                .add("tools", Jsons.array(tools))
                .add("allowed_hosts", Jsons.array(allowedHosts))
                .add("when", when)
                .add("runs_per_day", Math.round(runsPerDay * 100) / 100.0)
                .add("estimated_units_per_run", estimatedUnitsPerRun)
                .add("max_units_per_run", maxUnitsPerRun)
                .build();
    }

    public static Manifest fromJson(JsonObject json) {
        return new Manifest(strings(json, "reads"), strings(json, "sends_to"), strings(json, "tools"), strings(json, "allowed_hosts"),
                json.getString("when"), json.getJsonNumber("runs_per_day").doubleValue(),
                json.getJsonNumber("estimated_units_per_run").longValue(), json.getJsonNumber("max_units_per_run").longValue());
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}

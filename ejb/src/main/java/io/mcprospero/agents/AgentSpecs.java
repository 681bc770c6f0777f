package io.mcprospero.agents;

import io.mcprospero.failure.InvalidInput;
import io.mcprospero.runs.ScheduleSpec;
import io.mcprospero.schedule.FireTimes;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an agent's spec from tool arguments (create_agent's, or update_agent's changes over the current version) and
 * refuses what cannot run, saying what to change: an unknown tool, an invalid cron or time zone, a schedule more
 * frequent than the platform allows, http_fetch without hosts.
 */
public final class AgentSpecs {

    public static final int MAX_INSTRUCTIONS = 20_000;
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private AgentSpecs() {
    }

    /** A whole spec from {@code arguments}, or {@code base}'s values where an argument is absent (base may be null). */
    public static AgentSpec read(JsonObject arguments, AgentSpec base, Set<String> knownTools, AgentSettings settings) {
        String instructions = text(arguments, "instructions", base == null ? null : base.instructions(), MAX_INSTRUCTIONS);
        if (instructions == null) {
            throw new InvalidInput("instructions are required: say in plain words what the agent does on each run");
        }
        String model = text(arguments, "model", base == null ? null : base.model(), 100);
        List<String> tools = list(arguments, "tools", base == null ? List.of() : base.tools());
        for (String tool : tools) {
            if (!knownTools.contains(tool)) {
                throw new InvalidInput("unknown agent tool '" + tool + "'; the tools an agent can use are " + String.join(", ", knownTools.stream().sorted().toList()));
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String host : list(arguments, "allowed_hosts", base == null ? List.of() : base.allowedHosts())) {
            String lower = host.strip().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(lower).matches()) {
                throw new InvalidInput("allowed_hosts takes host names such as \"api.example.com\" (no scheme, path or port); '" + host + "' is not one");
            }
            hosts.add(lower);
        }
        if (tools.contains("http_fetch") && hosts.isEmpty()) {
            throw new InvalidInput("http_fetch needs allowed_hosts: the host names the agent may fetch from");
        }
        List<String> destinations = new ArrayList<>();
        for (String destination : list(arguments, "destinations", base == null ? List.of() : base.destinations())) {
            String clean = Destinations.normalized(destination);
            if (!destinations.contains(clean)) {
                destinations.add(clean);
            }
        }
        ScheduleSpec schedule = schedule(arguments, base == null ? null : base.schedule(), settings.minInterval());
        boolean webhook = arguments.containsKey("webhook") ? arguments.getBoolean("webhook") : base != null && base.webhook();
        String delivery = text(arguments, "delivery", base == null ? null : base.delivery(), 500);
        AgentSpec.Limits limits = limits(arguments, base == null ? settings.defaultLimits() : base.limits(), settings.defaultLimits());
        return new AgentSpec(instructions, model, tools, List.copyOf(hosts), List.copyOf(destinations), schedule, webhook, delivery, limits);
    }

    private static ScheduleSpec schedule(JsonObject arguments, ScheduleSpec base, Duration minInterval) {
        if (!arguments.containsKey("schedule")) {
            return base;
        }
        JsonValue value = arguments.get("schedule");
        if (value == JsonValue.NULL) {
            return null;
        }
        JsonObject schedule = (JsonObject) value;
        String cron = schedule.getString("cron", null);
        String interval = schedule.getString("interval", null);
        String zone = schedule.getString("timezone", "UTC");
        FireTimes times;
        try {
            times = FireTimes.of(cron, interval, zone);
        } catch (IllegalArgumentException wrong) {
            throw new InvalidInput(wrong.getMessage());
        }
        if (interval != null && Duration.parse(interval.strip()).compareTo(minInterval) < 0) {
            throw new InvalidInput("the interval " + interval.strip() + " is shorter than the platform allows (" + minInterval + ")");
        }
        if (cron != null && times.firesPerDay(Instant.now()) > Duration.ofDays(1).dividedBy(minInterval) + 1) {
            throw new InvalidInput("the cron expression fires more often than the platform allows (every " + minInterval + " at most)");
        }
        if (times.nextAfter(Instant.now()).isEmpty()) {
            throw new InvalidInput("the cron expression never fires again");
        }
        return new ScheduleSpec(cron == null ? null : cron.strip(), interval == null ? null : interval.strip(), zone.strip());
    }

    private static AgentSpec.Limits limits(JsonObject arguments, AgentSpec.Limits base, AgentSpec.Limits platform) {
        if (!(arguments.get("limits") instanceof JsonObject limits)) {
            return base;
        }
        int turns = (int) number(limits, "max_turns", base.maxTurns(), platform.maxTurns());
        long units = number(limits, "max_units", base.maxUnits(), platform.maxUnits());
        int minutes = (int) number(limits, "max_minutes", base.maxMinutes(), platform.maxMinutes());
        return new AgentSpec.Limits(turns, units, minutes);
    }

    private static long number(JsonObject limits, String key, long base, long max) {
        if (!(limits.get(key) instanceof JsonNumber number)) {
            return base;
        }
        long value = number.longValue();
        if (value < 1 || value > max) {
            throw new InvalidInput("limits." + key + " must be between 1 and " + max + " (the platform's limit)");
        }
        return value;
    }

    private static String text(JsonObject arguments, String key, String base, int max) {
        if (!arguments.containsKey(key)) {
            return base;
        }
        if (arguments.get(key) == JsonValue.NULL) {
            return null;
        }
        String value = arguments.getString(key).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInput(key + " is " + value.length() + " characters long; at most " + max + " are kept");
        }
        return value;
    }

    private static List<String> list(JsonObject arguments, String key, List<String> base) {
        if (!arguments.containsKey(key)) {
            return base;
        }
        return arguments.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).distinct().toList();
    }
}

package io.mcprospero.agents;

import io.mcprospero.agents.toolbox.AgentTool;
import io.mcprospero.agents.toolbox.AgentToolbox;
import io.mcprospero.runs.ScheduleSpec;
import io.mcprospero.schedule.FireTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The manifest of a spec: what its tools read and send, when it runs, what a run is expected to cost. */
@ApplicationScoped
public class Manifests {

    /** A rough run: three model turns, each sending the instructions, the tools' schemas and what came back so far. */
    static final int EXPECTED_TURNS = 3;
    static final int BASE_TOKENS_PER_TURN = 800;
    static final int TOKENS_PER_TOOL = 300;

    private AgentToolbox toolbox;
    private UnitPrices prices;
    private AgentSettings settings;
    private Clock clock;

    protected Manifests() {
        // for the CDI proxy
    }

    @Inject
    public Manifests(AgentToolbox toolbox, UnitPrices prices, AgentSettings settings, Clock clock) {
        this.toolbox = toolbox;
        this.prices = prices;
        this.settings = settings;
        this.clock = clock;
    }

    public Manifest of(AgentSpec spec) {
        List<String> reads = new ArrayList<>();
        List<String> sends = new ArrayList<>();
        for (String name : spec.tools()) {
            AgentTool tool = toolbox.tool(name).orElseThrow();
            reads.addAll(tool.reads(spec));
            sends.addAll(tool.sendsTo(spec));
        }
        if (spec.webhook()) {
            reads.add("the body of each webhook request that starts it");
        }
        if (spec.delivery() != null) {
            sends.add(spec.delivery());
        }
        String model = spec.model() == null ? settings.defaultModel() : spec.model();
        long perTurn = spec.instructions().length() / 4 + BASE_TOKENS_PER_TURN + (long) TOKENS_PER_TOOL * spec.tools().size();
        long estimate = Math.min(spec.limits().maxUnits(), (long) Math.ceil(EXPECTED_TURNS * perTurn * prices.multiplierOf(model)));
        return new Manifest(List.copyOf(reads), List.copyOf(sends), spec.tools(), spec.allowedHosts(), when(spec),
                runsPerDay(spec.schedule()), estimate, spec.limits().maxUnits());
    }

    private static String when(AgentSpec spec) {
        List<String> parts = new ArrayList<>();
        ScheduleSpec schedule = spec.schedule();
        if (schedule != null) {
            parts.add(schedule.cron() != null ? "on cron \"" + schedule.cron() + "\" in " + schedule.zone()
                    : "every " + schedule.interval() + " (" + schedule.zone() + ")");
        }
        if (spec.webhook()) {
            parts.add("when its webhook is called");
        }
        parts.add("when run_now is asked");
        return String.join("; ", parts);
    }

    private double runsPerDay(ScheduleSpec schedule) {
        return schedule == null ? 0 : FireTimes.of(schedule.cron(), schedule.interval(), schedule.zone()).firesPerDay(clock.instant());
    }
}

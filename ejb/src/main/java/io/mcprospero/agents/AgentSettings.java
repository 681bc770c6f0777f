package io.mcprospero.agents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The platform's rules for agents: the shortest schedule interval, default per-run limits, the default model. */
@ApplicationScoped
public class AgentSettings {

    private Duration minInterval;
    private AgentSpec.Limits defaultLimits;
    private String defaultModel;

    protected AgentSettings() {
        // for the CDI proxy
    }

    @Inject
    public AgentSettings(@ConfigProperty(name = "mcprospero.agents.min-interval") Duration minInterval,
                         @ConfigProperty(name = "mcprospero.agents.max-turns") int maxTurns,
                         @ConfigProperty(name = "mcprospero.agents.max-units-per-run") long maxUnits,
                         @ConfigProperty(name = "mcprospero.agents.max-minutes") int maxMinutes,
                         @ConfigProperty(name = "mcprospero.llm.model") String defaultModel) {
        this.minInterval = minInterval;
        this.defaultLimits = new AgentSpec.Limits(maxTurns, maxUnits, maxMinutes);
        this.defaultModel = defaultModel;
    }

    public Duration minInterval() {
        return minInterval;
    }

    public AgentSpec.Limits defaultLimits() {
        return defaultLimits;
    }

    public String defaultModel() {
        return defaultModel;
    }
}

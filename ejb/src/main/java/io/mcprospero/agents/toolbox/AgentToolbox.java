package io.mcprospero.agents.toolbox;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.failure.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every agent tool of the platform, by name. */
@ApplicationScoped
public class AgentToolbox {

    private Map<String, AgentTool> tools;

    protected AgentToolbox() {
        // for the CDI proxy
    }

    @Inject
    public AgentToolbox(Instance<AgentTool> all) {
        this.tools = new TreeMap<>();
        all.forEach(tool -> tools.put(tool.name(), tool));
    }

    public Set<String> names() {
        return tools.keySet();
    }

    public Optional<AgentTool> tool(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public Collection<AgentTool> all() {
        return tools.values();
    }

    /** Refuses a spec with a tool the org cannot use now, or one whose needs the spec does not meet, saying what to do. */
    public void requireUsable(AgentSpec spec, String orgId) {
        for (String name : spec.tools()) {
            AgentTool tool = tools.get(name);
            tool.check(spec);
            Availability availability = tool.availability(orgId);
            if (!availability.usable()) {
                throw new InvalidInput(availability.explain(name) + " (list_available_tools shows what every tool needs)");
            }
        }
    }
}

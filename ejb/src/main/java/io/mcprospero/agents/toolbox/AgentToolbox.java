package io.mcprospero.agents.toolbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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
}

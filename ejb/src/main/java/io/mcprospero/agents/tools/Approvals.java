package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.agents.ApprovalLinks;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

/**
 * Asks the person, never the model, to approve an agent's latest version: by a form the client shows them
 * (elicitation, in a multi round-trip or on a legacy session's stream), or, where the client cannot, by a link to
 * MCProspero's approval page. {@code extra} adds the calling tool's own fields to the answer.
 */
@ApplicationScoped
public class Approvals {

    private Agents agents;
    private ApprovalLinks links;

    protected Approvals() {
        // for the CDI proxy
    }

    @Inject
    public Approvals(Agents agents, ApprovalLinks links) {
        this.agents = agents;
        this.links = links;
    }

    public ToolResult ask(ToolContext context, AgentState state, JsonObjectBuilder extra) {
        String name = state.agent().name();
        int version = state.agent().currentVersion();
        String question = "Approve this agent (version " + version + ") to run on its own?\n" + state.manifest().describe(name);
        switch (context.askPerson(question, "Approve " + name)) {
            case CONFIRMED -> {
                AgentState approved = agents.approve(context.caller(), state.agent().id(), version);
                return ToolResult.of("The person approved " + name + " (version " + version + "); it is active"
                                + (approved.spec().schedule() == null ? "." : " and runs " + approved.manifest().when() + "."),
                        extra.add("outcome", "approved").add("agent", AgentViews.agent(approved)).build());
            }
            case DECLINED -> {
                return ToolResult.of("The person did not approve " + name + "; it stays pending and does not run.",
                        extra.add("outcome", "declined").add("agent", AgentViews.agent(state)).build());
            }
            default -> {
                String url = links.issue(context.caller(), state.agent().id(), version);
                return ToolResult.of(name + " (version " + version + ") waits for the person's approval, which only they can give: "
                                + "show them this link; they sign in there as themselves, review what it reads, where it sends and how often, "
                                + "and approve it (the link does nothing for anyone else): "
                                + url + "\n\n" + state.manifest().describe(name),
                        extra.add("outcome", "approval_needed").add("approval_url", url).add("agent", AgentViews.agent(state)).build());
            }
        }
    }

    static JsonObjectBuilder none() {
        return Jsons.object();
    }
}

package io.mcprospero.agents.tools;

import io.mcprospero.agents.AgentState;
import io.mcprospero.agents.Agents;
import io.mcprospero.authz.Permission;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.oauth.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** create_agent: a new agent in the org, pending until the person approves it (asked at once where the client can). */
@ApplicationScoped
public class CreateAgentTool implements Tool {

    private Agents agents;
    private Approvals approvals;
    private OAuthSettings settings;

    protected CreateAgentTool() {
        // for the CDI proxy
    }

    @Inject
    public CreateAgentTool(Agents agents, Approvals approvals, OAuthSettings settings) {
        this.agents = agents;
        this.approvals = approvals;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "create_agent";
    }

    @Override
    public Permission listedWith() {
        return Permission.MANAGE_AGENTS;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        AgentState created = agents.create(context.caller(), arguments.getString("name"), arguments);
        JsonObjectBuilder extra = Approvals.none();
        if (created.newWebhookSecret() != null) {
            extra.add("webhook_url", AgentViews.webhookUrl(settings, created));
        }
        ToolResult asked = approvals.ask(context, created, extra);
        String webhook = created.newWebhookSecret() == null ? "" : " Its webhook URL (shown only now): " + AgentViews.webhookUrl(settings, created);
        return new ToolResult("Created " + created.agent().name() + ". " + asked.text() + webhook, asked.structured(), false);
    }
}

package io.mcprospero.connections.tools;

import io.mcprospero.authz.Permission;
import io.mcprospero.connections.ConnectionView;
import io.mcprospero.connections.Disconnects;
import io.mcprospero.connections.Provider;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** disconnect_account: once the person confirms, revokes the grant at the provider and deletes the tokens. */
@ApplicationScoped
public class DisconnectAccountTool implements Tool {

    private Disconnects disconnects;

    protected DisconnectAccountTool() {
        // for the CDI proxy
    }

    @Inject
    public DisconnectAccountTool(Disconnects disconnects) {
        this.disconnects = disconnects;
    }

    @Override
    public String name() {
        return "disconnect_account";
    }

    @Override
    public Permission listedWith() {
        return Permission.MANAGE_CONNECTIONS;
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Provider provider = Provider.of(arguments.getString("provider"));
        ConnectionView connection = disconnects.connection(context.caller(), provider);
        String name = provider.displayName();
        String question = "Disconnect " + name + (connection.account() == null ? "" : " (" + connection.account() + ")") + "? Its access is revoked at "
                + name + ", its tokens are deleted, and agents that use its tools stop working until it is connected again.";
        switch (context.confirm(arguments, question, "Disconnect " + name)) {
            case DECLINED:
                return ToolResult.declined("disconnect " + name);
            case ASK_IN_CONVERSATION:
                return ToolResult.confirmInConversation(question, name());
            default:
                break;
        }
        Disconnects.Outcome outcome = disconnects.disconnect(context.caller(), provider);
        String text = "Disconnected " + name + (outcome.account() == null ? "" : " (" + outcome.account() + ")") + ": its tokens are deleted "
                + "from MCProspero" + (outcome.revokedUpstream() ? " and the access was revoked at " + name + "."
                : ", but " + name + " could not revoke the access (" + outcome.upstreamProblem() + "); the person can remove MCProspero in their "
                + name + " account settings.");
        return ToolResult.of(text, Jsons.object().add("outcome", "disconnected").add("provider", outcome.provider().wireName())
                .add("account", Jsons.stringOrNull(outcome.account()))
                .add("revoked_upstream", outcome.revokedUpstream()).build());
    }
}

package io.mcprospero.connections.tools;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Permission;
import io.mcprospero.connections.ConnectionView;
import io.mcprospero.connections.Connections;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/** list_connections: the org's connected accounts, when they were connected and last used; never a token. */
@ApplicationScoped
public class ListConnectionsTool implements Tool {

    private Connections connections;
    private Authorization authorization;

    protected ListConnectionsTool() {
        // for the CDI proxy
    }

    @Inject
    public ListConnectionsTool(Connections connections, Authorization authorization) {
        this.connections = connections;
        this.authorization = authorization;
    }

    @Override
    public String name() {
        return "list_connections";
    }

    @Override
    public boolean orgScoped() {
        return true;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        authorization.require(context.caller(), Permission.VIEW_ORG);
        List<ConnectionView> all = connections.of(context.caller().orgId());
        JsonArrayBuilder rows = Jsons.array();
        for (ConnectionView view : all) {
            rows.add(Jsons.object()
                    .add("provider", view.provider().wireName())
                    .add("account", Jsons.stringOrNull(view.account()))
                    .add("gives", view.provider().gives())
                    .add("connected_at", view.connectedAt().toString())
                    .add("last_used_at", Jsons.stringOrNull(view.lastUsedAt() == null ? null : view.lastUsedAt().toString())));
        }
        String text = all.isEmpty() ? "No account is connected in this org; connect_account connects Google (Gmail and Calendar) or Slack."
                : "Connected: " + all.stream().map(view -> view.provider().displayName() + (view.account() == null ? "" : " (" + view.account() + ")")
                + ", connected " + view.connectedAt() + (view.lastUsedAt() == null ? ", not used yet" : ", last used " + view.lastUsedAt()))
                .collect(Collectors.joining("; ")) + ".";
        return ToolResult.of(text, Jsons.object().add("connections", rows).build());
    }
}

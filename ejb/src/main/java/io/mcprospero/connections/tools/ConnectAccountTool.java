package io.mcprospero.connections.tools;

import io.mcprospero.authz.Permission;
import io.mcprospero.connections.ConnectRequests;
import io.mcprospero.connections.Provider;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.mcp.mrtr.InputRequest;
import io.mcprospero.mcp.mrtr.InputRequired;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * connect_account: a link for the person to connect an account in their browser, offered by URL elicitation where the
 * client can open links, else handed to the model to show. The link is written in its own transaction so that it
 * outlives the round that asks the client to open it.
 */
@ApplicationScoped
public class ConnectAccountTool implements Tool {

    static final String KEY = "connect";

    private ConnectRequests requests;

    protected ConnectAccountTool() {
        // for the CDI proxy
    }

    @Inject
    public ConnectAccountTool(ConnectRequests requests) {
        this.requests = requests;
    }

    @Override
    public String name() {
        return "connect_account";
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
    public boolean transactional() {
        return false;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Provider provider = Provider.of(arguments.getString("provider"));
        String what = provider.displayName() + " (" + provider.gives() + ")";
        if (context.client().elicitsUrls()) {
            Optional<JsonObject> answer = context.answers().answer(KEY);
            if (answer.isPresent()) {
                boolean opened = "accept".equals(answer.get().getString("action", null));
                return ToolResult.of(opened ? "The person was taken to " + provider.displayName() + " to connect " + what + ". Once they have "
                                + "consented there, list_connections shows the account and list_available_tools its tools."
                                : "The person did not open the link; nothing was connected.",
                        Jsons.object().add("provider", provider.wireName()).add("outcome", opened ? "opened" : "declined").build());
            }
            ConnectRequests.Link link = requests.issue(context.caller(), provider);
            throw new InputRequired(Map.of(KEY, InputRequest.ofUrl("Connect " + what + " to MCProspero for the org \""
                    + context.caller().orgName() + "\": sign in at " + provider.displayName() + " and allow access. Your agents use it "
                    + "only for what you approve.", link.url(), link.elicitationId())));
        }
        ConnectRequests.Link link = requests.issue(context.caller(), provider);
        return ToolResult.of("Show the person this link to connect " + what + " for the org \"" + context.caller().orgName() + "\": "
                        + link.url() + "\nThey sign in at " + provider.displayName() + " and allow access; the link works once, for 15 minutes. "
                        + "Afterwards list_connections shows the account.",
                Jsons.object().add("provider", provider.wireName()).add("outcome", "link").add("connect_url", link.url()).build());
    }
}

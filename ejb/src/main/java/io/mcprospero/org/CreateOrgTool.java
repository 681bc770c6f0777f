package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.org.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** create_org: a new shared org owned by the caller. Any signed-in user may create one; the current org does not change. */
@ApplicationScoped
public class CreateOrgTool implements Tool {

    private Orgs orgs;

    protected CreateOrgTool() {
        // for the CDI proxy
    }

    @Inject
    public CreateOrgTool(Orgs orgs) {
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "create_org";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Membership owner = orgs.create(context.caller().userId(), arguments.getString("name"));
        return ToolResult.of("Created the org " + owner.org().name() + " (id " + owner.org().id()
                        + "); you are its owner. Call switch_org to work in it.",
                Jsons.object().add("org", OrgViews.of(owner, false)).build());
    }
}

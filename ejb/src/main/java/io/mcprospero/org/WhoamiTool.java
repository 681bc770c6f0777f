package io.mcprospero.org;

import io.mcprospero.support.Jsons;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.persistence.identity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;

/** whoami: the signed-in user, the org the conversation works in, and the role there. */
@ApplicationScoped
public class WhoamiTool implements Tool {

    private Authorization authorization;
    private PlatformAdmins admins;
    private EntityManager entityManager;

    protected WhoamiTool() {
        // for the CDI proxy
    }

    @Inject
    public WhoamiTool(Authorization authorization, PlatformAdmins admins, EntityManager entityManager) {
        this.authorization = authorization;
        this.admins = admins;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        Caller caller = context.caller();
        authorization.require(caller, Permission.VIEW_ORG);
        User user = entityManager.find(User.class, caller.userId());
        String orgName = OrgViews.displayName(caller.orgName(), caller.personalOrg());
        JsonObjectBuilder userJson = Jsons.object().add("id", user.id()).add("email", user.email());
        if (user.displayName() != null) {
            userJson.add("name", user.displayName());
        }
        JsonObject structured = Jsons.object()
                .add("user", userJson)
                .add("org", Jsons.object()
                        .add("id", caller.orgId())
                        .add("name", orgName)
                        .add("personal", caller.personalOrg())
                        .add("role", caller.role().wireName()))
                .add("platform_admin", admins.isAdmin(caller))
                .build();
        return ToolResult.of("You are " + user.email() + ", working in " + orgName + " as " + caller.role().wireName() + ".", structured);
    }
}

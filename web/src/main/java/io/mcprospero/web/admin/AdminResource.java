package io.mcprospero.web.admin;

import io.mcprospero.admin.AdminViews;
import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.connections.agenttools.ToolFamily;
import io.mcprospero.connections.agenttools.ToolSwitches;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.grants.Grants;
import io.mcprospero.identity.UserAccounts;
import io.mcprospero.oauth.AccessTokenPrincipal;
import io.mcprospero.oauth.AccessTokens;
import io.mcprospero.oauth.OAuthSettings;
import io.mcprospero.org.Members;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.signup.AllowlistEdit;
import io.mcprospero.signup.SignupAllowlist;
import io.mcprospero.support.Jsons;
import io.mcprospero.web.mcp.BearerChallenge;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * The admin API: the admin tool's allowlist, user and role operations over HTTP, for platform admins, with the
 * same bearer tokens as /mcp. It translates HTTP to the same beans the tool calls; refusals are mapped once
 * (DomainErrors), a missing or refused token gets the same 401 challenge as /mcp.
 */
@Path("/admin")
@RequestScoped
@RolesAllowed(AccessTokens.USER_GROUP)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private SecurityContext security;
    private Authorization authorization;
    private OAuthSettings settings;
    private SignupAllowlist allowlist;
    private UserAccounts users;
    private Members members;
    private PlatformAdmins admins;
    private Grants grants;
    private ToolSwitches switches;

    protected AdminResource() {
        // for the CDI proxy
    }

    @Inject
    public AdminResource(SecurityContext security, Authorization authorization, OAuthSettings settings, SignupAllowlist allowlist,
                         UserAccounts users, Members members, PlatformAdmins admins, Grants grants, ToolSwitches switches) {
        this.security = security;
        this.authorization = authorization;
        this.settings = settings;
        this.allowlist = allowlist;
        this.users = users;
        this.members = members;
        this.admins = admins;
        this.grants = grants;
        this.switches = switches;
    }

    @GET
    @Path("allowlist")
    public JsonObject allowlist() {
        admin();
        return Jsons.object().add("open", allowlist.isOpen()).add("entries", AdminViews.entries(allowlist.entries())).build();
    }

    @POST
    @Path("allowlist")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addToAllowlist(String body) {
        String adminEmail = admin();
        AllowlistEdit added = allowlist.add(field(body, "entry", "{\"entry\": \"ana@example.com\"} or {\"entry\": \"@example.com\"}"), adminEmail);
        return Response.status(added.changed() ? 201 : 200)
                .entity(Jsons.object().add("entry", added.entry()).add("added", added.changed()).build())
                .build();
    }

    @DELETE
    @Path("allowlist/{entry}")
    public JsonObject removeFromAllowlist(@PathParam("entry") String entry) {
        admin();
        AllowlistEdit removed = allowlist.remove(entry);
        return Jsons.object().add("entry", removed.entry()).add("removed", removed.changed()).build();
    }

    @GET
    @Path("users")
    public JsonObject users() {
        admin();
        return Jsons.object().add("users", AdminViews.users(users.all(), admins::isAdminEmail)).build();
    }

    @PUT
    @Path("users/{user}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject setStatus(@PathParam("user") String user, String body) {
        String adminEmail = admin();
        String status = field(body, "status", "{\"status\": \"active\"} or {\"status\": \"disabled\"}");
        User changed = switch (status) {
            case "disabled" -> users.disable(user, adminEmail);
            case "active" -> users.enable(user);
            default -> throw new InvalidInput("status must be \"active\" or \"disabled\"; got \"" + status + "\"");
        };
        return AdminViews.user(changed, admins.isAdminEmail(changed.email())).build();
    }

    /** The explicit relinking step of OIDC sign-in (the admin tool's reset_identity_link). */
    @DELETE
    @Path("users/{user}/identity-link")
    public JsonObject resetIdentityLink(@PathParam("user") String user) {
        String adminEmail = admin();
        User changed = users.resetIdentityLink(user, adminEmail);
        return AdminViews.user(changed, admins.isAdminEmail(changed.email())).build();
    }

    @PUT
    @Path("orgs/{org}/members/{user}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject setRole(@PathParam("org") String org, @PathParam("user") String user, String body) {
        admin();
        String role = field(body, "role", "{\"role\": \"admin\"} (owner, admin, member or viewer)");
        Membership membership;
        try {
            membership = members.setRoleAsPlatformAdmin(org, user, Role.fromWireName(role));
        } catch (IllegalArgumentException badRole) {
            throw new InvalidInput(badRole.getMessage());
        }
        return AdminViews.membership(membership).build();
    }

    /** A family of agent tools switched on or off for the platform (the admin tool's set_tool_availability). */
    @PUT
    @Path("tools/{family}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject setToolAvailability(@PathParam("family") String family, String body) {
        String adminEmail = admin();
        String status = field(body, "status", "{\"status\": \"enabled\"} or {\"status\": \"disabled\"}");
        if (!status.equals("enabled") && !status.equals("disabled")) {
            throw new InvalidInput("status must be \"enabled\" or \"disabled\"; got \"" + status + "\"");
        }
        ToolFamily tools = ToolFamily.of(family);
        switches.set(tools, status.equals("enabled"), adminEmail);
        return Jsons.object().add("tool", tools.wireName()).add("enabled", status.equals("enabled")).build();
    }

    /**
     * The platform admin's email; a token whose grant was revoked or whose user is gone or disabled, or a caller our
     * AccessTokenStore did not verify, is answered like one on /mcp.
     */
    private String admin() {
        AccessTokenPrincipal token = AccessTokenPrincipal.of(security.getCallerPrincipal());
        if (token == null || grants.callerOf(token.getClaim(AccessTokens.GRANT_CLAIM), token.getSubject()).isEmpty()) {
            throw new WebApplicationException(BearerChallenge.refusedToken(settings));
        }
        return authorization.requirePlatformAdmin(token.getSubject());
    }

    /** A string field of a JSON object body; anything else is bad input with an example of what to send. */
    private static String field(String body, String name, String example) {
        JsonValue value;
        try (JsonReader reader = Jsons.reader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInput("the body must be JSON, e.g. " + example);
        }
        if (!(value instanceof JsonObject object) || !(object.get(name) instanceof JsonString text) || text.getString().isBlank()) {
            throw new InvalidInput("the body needs \"" + name + "\" as a string, e.g. " + example);
        }
        if (object.size() > 1) {
            throw new InvalidInput("the body takes only \"" + name + "\", e.g. " + example);
        }
        return text.getString();
    }
}

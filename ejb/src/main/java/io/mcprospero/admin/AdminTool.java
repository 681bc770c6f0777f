package io.mcprospero.admin;

import io.mcprospero.agents.runs.Budgets;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.connections.agenttools.ToolFamily;
import io.mcprospero.connections.agenttools.ToolSwitches;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.identity.UserAccounts;
import io.mcprospero.org.Members;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.signup.AllowlistEdit;
import io.mcprospero.signup.AllowlistEntryView;
import io.mcprospero.signup.SignupAllowlist;
import io.mcprospero.support.Jsons;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.oauth.SigningKeys;
import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.secrets.RotationSummary;
import io.mcprospero.secrets.SecretRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * admin: platform operations, listed and callable only for platform admins ({@code mcprospero.admins}). The
 * allowlist, user and role actions call the same beans as the admin API (web's /admin), which only translate.
 */
@ApplicationScoped
public class AdminTool implements Tool {

    private List<HealthCheck> readiness;
    private KeyManagement keys;
    private SecretRotation rotation;
    private SigningKeys signingKeys;
    private SignupAllowlist allowlist;
    private UserAccounts users;
    private Members members;
    private PlatformAdmins admins;
    private Budgets budgets;
    private ToolSwitches switches;

    protected AdminTool() {
        // for the CDI proxy
    }

    @Inject
    public AdminTool(@Any @Readiness Instance<HealthCheck> readiness, KeyManagement keys, SecretRotation rotation,
                     SigningKeys signingKeys, SignupAllowlist allowlist, UserAccounts users, Members members,
                     PlatformAdmins admins, Budgets budgets, ToolSwitches switches) {
        this.readiness = readiness.stream().toList();
        this.keys = keys;
        this.rotation = rotation;
        this.signingKeys = signingKeys;
        this.allowlist = allowlist;
        this.users = users;
        this.members = members;
        this.admins = admins;
        this.budgets = budgets;
        this.switches = switches;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    /** Rotation commits row by row (see SecretRotation), so it must not run inside one tool transaction; each other action is one. */
    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String action = arguments.getString("action");
        ToolResult result = act(context, arguments, action);
        // every structured answer names its action, as the tool's outputSchema says
        return result.structured() == null || result.isError() ? result
                : new ToolResult(result.text(), Jsons.object(result.structured()).add("action", action).build(), false);
    }

    private ToolResult act(ToolContext context, JsonObject arguments, String action) {
        return switch (action) {
            case "system_health" -> systemHealth();
            case "rotate_secrets_key" -> confirmed(context, arguments, "Rotate the secrets' master key? A new key version becomes "
                    + "current and every stored data key is re-wrapped under it; reads keep working throughout.",
                    "Rotate the master key", "rotate the master key", () -> rotateSecretsKey(context));
            case "allowlist_list" -> allowlistList();
            case "allowlist_add" -> allowlistAdd(arguments.getString("entry"), context.caller().email());
            case "allowlist_remove" -> allowlistRemove(arguments.getString("entry"));
            case "list_users" -> listUsers();
            case "set_role" -> setRole(arguments.getString("org_id"), arguments.getString("user"), arguments.getString("role"));
            case "disable_user" -> {
                String email = users.disablable(arguments.getString("user"), context.caller().email()).email();
                yield confirmed(context, arguments, "Disable the account " + email + "? Their sign-ins are revoked and their "
                        + "sessions ended at once, and they cannot sign in until enabled again.", "Disable " + email, "disable " + email,
                        () -> userStatus(users.disable(arguments.getString("user"), context.caller().email())));
            }
            case "enable_user" -> userStatus(users.enable(arguments.getString("user")));
            case "reset_identity_link" -> {
                String email = users.identityResettable(arguments.getString("user"), context.caller().email()).email();
                yield confirmed(context, arguments, "Reset the sign-in identity of " + email + "? Its current sign-ins end, and "
                        + "the next sign-in with this email, verified by the provider, becomes this account: do it only once you "
                        + "know that person is the account's owner.", "Reset " + email, "reset the identity link of " + email,
                        () -> identityReset(users.resetIdentityLink(arguments.getString("user"), context.caller().email())));
            }
            case "set_budget" -> setBudget(arguments.getString("org_id"), arguments.getJsonNumber("daily_units").longValue());
            case "set_tool_availability" -> setToolAvailability(arguments.getString("tool"), arguments.getBoolean("enabled"), context.caller().email());
            default -> throw new InvalidInput("unknown action '" + action + "'");
        };
    }

    /** Runs {@code action} once the person has said yes to {@code question}. */
    private ToolResult confirmed(ToolContext context, JsonObject arguments, String question, String title, String what,
                                 Supplier<ToolResult> action) {
        return switch (context.confirm(arguments, question, title)) {
            case CONFIRMED -> action.get();
            case DECLINED -> ToolResult.declined(what);
            case ASK_IN_CONVERSATION -> ToolResult.confirmInConversation(question, name());
        };
    }

    private ToolResult setToolAvailability(String tool, boolean enabled, String adminEmail) {
        ToolFamily family = ToolFamily.of(tool);
        switches.set(family, enabled, adminEmail);
        return ToolResult.of(family.displayName() + " tools are now " + (enabled ? "switched on" : "switched off") + " on the platform"
                        + (enabled ? "; orgs use them once they have what they need (list_available_tools)." : "; agents that use them are refused "
                        + "when created and their runs stop with this reason."),
                Jsons.object().add("tool", family.wireName()).add("enabled", enabled).build());
    }

    private ToolResult setBudget(String orgId, long units) {
        String id = orgId.strip();
        budgets.setDaily(id, units);
        Budgets.Standing standing = budgets.standing(id);
        return ToolResult.of("The org's daily budget is now " + units + " units; " + standing.left() + " are left today.",
                Jsons.object().add("org_id", id).add("daily_units", units).add("left_today", standing.left()).build());
    }

    private ToolResult systemHealth() {
        JsonArrayBuilder checks = Jsons.array();
        boolean up = true;
        StringBuilder text = new StringBuilder();
        for (HealthCheck check : readiness) {
            HealthCheckResponse response = check.call();
            boolean checkUp = response.getStatus() == HealthCheckResponse.Status.UP;
            up &= checkUp;
            checks.add(Jsons.object().add("name", response.getName()).add("status", response.getStatus().name()));
            text.append(response.getName()).append(' ').append(response.getStatus().name().toLowerCase(Locale.ROOT)).append("; ");
        }
        return ToolResult.of("System " + (up ? "healthy" : "degraded") + ": " + text + "key management on key " + keys.currentKeyId() + ".",
                Jsons.object()
                        .add("status", up ? "UP" : "DOWN")
                        .add("checks", checks)
                        .add("key_management", Jsons.object().add("current_key_id", keys.currentKeyId()))
                        .build());
    }

    /** The master key is shared: the secrets' data keys are re-wrapped, then the signing keys'. */
    private ToolResult rotateSecretsKey(ToolContext context) {
        RotationSummary summary = rotation.rotateAll(done -> {
            context.progress().report(done, null, done + " data keys re-wrapped");
            return !context.progress().cancelled();
        });
        RewrapCounts signing = signingKeys.rewrapDataKeys();
        int refused = summary.refused() + signing.refused();
        return ToolResult.of("Rotated to key " + summary.currentKeyId() + ": " + summary.rewrapped() + " data keys re-wrapped, "
                        + summary.changedMeanwhile() + " changed meanwhile, " + summary.refused() + " refused by the key service; "
                        + "signing keys: " + signing.rewrapped() + " re-wrapped, " + signing.refused() + " refused"
                        + (refused > 0 ? " (run the rotation again; the operator log names them)" : "") + ".",
                Jsons.object()
                        .add("current_key_id", summary.currentKeyId())
                        .add("rewrapped", summary.rewrapped())
                        .add("changed_meanwhile", summary.changedMeanwhile())
                        .add("refused", summary.refused())
                        .add("signing_keys", Jsons.object().add("rewrapped", signing.rewrapped()).add("refused", signing.refused()))
                        .add("took_ms", summary.took().toMillis())
                        .build());
    }

    private ToolResult allowlistList() {
        List<AllowlistEntryView> entries = allowlist.entries();
        String text = entries.isEmpty() ? "The allowlist is empty" : "Allowlist: " + entries.stream()
                .map(entry -> entry.entry() + " (" + entry.source().wireName() + ")").collect(Collectors.joining(", "));
        return ToolResult.of(text + (allowlist.isOpen() ? "; signup is open to everyone (mcprospero.signup.open)." : "."),
                Jsons.object().add("open", allowlist.isOpen()).add("entries", AdminViews.entries(entries)).build());
    }

    private ToolResult allowlistAdd(String entry, String adminEmail) {
        AllowlistEdit added = allowlist.add(entry, adminEmail);
        return ToolResult.of(added.changed() ? "Added " + added.entry() + " to the allowlist." : added.entry() + " was already on the allowlist.",
                Jsons.object().add("entry", added.entry()).add("added", added.changed()).build());
    }

    private ToolResult allowlistRemove(String entry) {
        AllowlistEdit removed = allowlist.remove(entry);
        return ToolResult.of("Removed " + removed.entry() + " from the allowlist. Existing accounts stay; disable_user ends one.",
                Jsons.object().add("entry", removed.entry()).add("removed", true).build());
    }

    private ToolResult listUsers() {
        List<User> all = users.all();
        return ToolResult.of(all.size() + " users: " + all.stream()
                        .map(user -> user.email() + (user.isActive() ? "" : " (disabled)")).collect(Collectors.joining(", ")) + ".",
                Jsons.object().add("users", AdminViews.users(all, admins::isAdminEmail)).build());
    }

    private ToolResult setRole(String orgId, String user, String role) {
        Membership membership = members.setRoleAsPlatformAdmin(orgId, user, Role.fromWireName(role));
        return ToolResult.of(membership.user().email() + " is now " + membership.role().wireName() + " in " + membership.org().name() + ".",
                AdminViews.membership(membership).build());
    }

    private ToolResult identityReset(User user) {
        return ToolResult.of(user.email() + " is no longer linked to an identity at the sign-in provider; its sign-ins ended, and "
                        + "the next sign-in with this email (verified by the provider) links it anew.",
                AdminViews.user(user, admins.isAdminEmail(user.email())).build());
    }

    private ToolResult userStatus(User user) {
        return ToolResult.of(user.email() + (user.isActive() ? " is enabled and may sign in again."
                        : " is disabled: their sign-ins are revoked, their MCP sessions ended, and their tokens refused."),
                AdminViews.user(user, admins.isAdminEmail(user.email())).build());
    }
}

package io.mcprospero.admin;

import io.mcprospero.support.Jsons;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.mcp.Tool;
import io.mcprospero.mcp.ToolContext;
import io.mcprospero.mcp.ToolResult;
import io.mcprospero.secrets.RotationSummary;
import io.mcprospero.secrets.SecretRotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * admin: platform operations, listed and callable only for platform admins ({@code mcprospero.admins}).
 * More actions (allowlist, users, roles, tool availability) come with the identity work.
 */
@ApplicationScoped
public class AdminTool implements Tool {

    private List<HealthCheck> readiness;
    private KeyManagement keys;
    private SecretRotation rotation;

    protected AdminTool() {
        // for the CDI proxy
    }

    @Inject
    public AdminTool(@Any @Readiness Instance<HealthCheck> readiness, KeyManagement keys, SecretRotation rotation) {
        this.readiness = readiness.stream().toList();
        this.keys = keys;
        this.rotation = rotation;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    /** Rotation commits row by row (see SecretRotation), so it must not run inside one tool transaction. */
    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public ToolResult call(ToolContext context, JsonObject arguments) {
        String action = arguments.getString("action");
        return switch (action) {
            case "system_health" -> systemHealth();
            case "rotate_secrets_key" -> rotateSecretsKey();
            default -> throw new InvalidInput("unknown action '" + action + "'");
        };
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

    private ToolResult rotateSecretsKey() {
        RotationSummary summary = rotation.rotateAll();
        return ToolResult.of("Rotated to key " + summary.currentKeyId() + ": " + summary.rewrapped() + " data keys re-wrapped, "
                        + summary.changedMeanwhile() + " changed meanwhile, " + summary.refused() + " refused by the key service"
                        + (summary.refused() > 0 ? " (run the rotation again; the operator log names them)" : "") + ".",
                Jsons.object()
                        .add("current_key_id", summary.currentKeyId())
                        .add("rewrapped", summary.rewrapped())
                        .add("changed_meanwhile", summary.changedMeanwhile())
                        .add("refused", summary.refused())
                        .add("took_ms", summary.took().toMillis())
                        .build());
    }
}

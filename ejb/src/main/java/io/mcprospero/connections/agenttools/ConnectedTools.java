package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.agents.toolbox.Availability;
import io.mcprospero.connections.AccountAccess;
import io.mcprospero.connections.Connections;
import io.mcprospero.connections.ProviderOAuths;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the account tools share: whether a family is usable for an org (the platform's switch, its configuration, the
 * org's connection), where each API is ({@code mcprospero.tools.<family>.base-url}), and one call with the org's
 * token, its failures told to the model (a connection that is gone also stops the run: only the person can fix it).
 */
@ApplicationScoped
public class ConnectedTools {

    private ToolSwitches switches;
    private Connections connections;
    private ProviderOAuths oauths;
    private AccountAccess access;

    protected ConnectedTools() {
        // for the CDI proxy
    }

    @Inject
    public ConnectedTools(ToolSwitches switches, Connections connections, ProviderOAuths oauths, AccountAccess access) {
        this.switches = switches;
        this.connections = connections;
        this.oauths = oauths;
        this.access = access;
    }

    public Availability availability(ToolFamily family, String orgId) {
        if (!switches.enabled(family)) {
            return Availability.not(family.displayName() + " is switched off on this platform"
                            + (family == ToolFamily.WHATSAPP ? " (it waits for Meta's approval of the business number)" : ""),
                    "a platform admin can switch it on (admin action set_tool_availability, tool " + family.wireName() + ")");
        }
        if (family == ToolFamily.WHATSAPP) {
            return whatsApp().isPresent() ? Availability.USABLE : Availability.not("the platform's WhatsApp business number is not configured",
                    "a platform admin sets " + family.setting("phone-number-id") + " and " + family.setting("access-token"));
        }
        if (!oauths.configured(family.provider())) {
            return Availability.not(family.provider().displayName() + " accounts cannot be connected on this platform",
                    "a platform admin sets mcprospero.connect." + family.provider().wireName() + ".client-id and .client-secret");
        }
        if (connections.find(orgId, family.provider()).isEmpty()) {
            return Availability.not("no " + family.provider().displayName() + " account is connected in this org",
                    "connect one with connect_account (provider " + family.provider().wireName() + ")");
        }
        return Availability.USABLE;
    }

    /** The API's address for the family; null: the provider's own. */
    public String baseUrl(ToolFamily family) {
        return config().getOptionalValue(family.setting("base-url"), String.class).filter(v -> !v.isBlank()).orElse(null);
    }

    public Optional<WhatsAppSettings> whatsApp() {
        Config config = config();
        Optional<String> number = config.getOptionalValue(ToolFamily.WHATSAPP.setting("phone-number-id"), String.class).filter(v -> !v.isBlank());
        Optional<String> token = config.getOptionalValue(ToolFamily.WHATSAPP.setting("access-token"), String.class).filter(v -> !v.isBlank());
        return number.isEmpty() || token.isEmpty() ? Optional.empty()
                : Optional.of(new WhatsAppSettings(number.get(), token.get(), baseUrl(ToolFamily.WHATSAPP)));
    }

    /** Calls the family's API with the org's token. */
    public <T> T call(ToolFamily family, String orgId, Function<String, T> call) {
        try {
            return access.use(orgId, family.provider(), call);
        } catch (IntegrationFailure failed) {
            throw asToolError(failed);
        }
    }

    public static AgentToolError asToolError(IntegrationFailure failed) {
        return new AgentToolError(failed.getMessage(), failed.kind() == IntegrationFailure.Kind.RECONNECT);
    }

    private static Config config() {
        return ConfigProvider.getConfig(ConnectedTools.class.getClassLoader());
    }
}

package io.mcprospero.connections.agenttools;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.agents.toolbox.Availability;
import io.mcprospero.connections.ConnectionView;
import io.mcprospero.connections.Connections;
import io.mcprospero.connections.Provider;
import io.mcprospero.connections.ProviderOAuths;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tool family is usable when the platform has it on, can connect its provider, and the org connected it; else it says what to do. */
class ToolAvailabilityTest {

    private final Set<ToolFamily> off = EnumSet.noneOf(ToolFamily.class);
    private final Set<Provider> configured = EnumSet.allOf(Provider.class);
    private final Set<Provider> connected = EnumSet.noneOf(Provider.class);

    private ConnectedTools tools() {
        ToolSwitches switches = new ToolSwitches() {
            @Override
            public boolean enabled(ToolFamily family) {
                return !off.contains(family);
            }
        };
        ProviderOAuths oauths = new ProviderOAuths() {
            @Override
            public boolean configured(Provider provider) {
                return configured.contains(provider);
            }
        };
        Connections connections = new Connections() {
            @Override
            public Optional<ConnectionView> find(String orgId, Provider provider) {
                return connected.contains(provider) ? Optional.of(new ConnectionView(provider, "a", "u", Instant.EPOCH, null)) : Optional.empty();
            }
        };
        return new ConnectedTools(switches, connections, oauths, null);
    }

    @Test
    void withoutAConnectionTheToolSaysToConnectTheProvider() {
        Availability gmail = tools().availability(ToolFamily.GMAIL, "org");

        assertThat(gmail).isEqualTo(Availability.not("no Google account is connected in this org",
                "connect one with connect_account (provider google)"));
        assertThat(gmail.explain("gmail_search")).isEqualTo("the tool gmail_search cannot be used: no Google account is connected in this "
                + "org; connect one with connect_account (provider google)");
    }

    @Test
    void aConnectedProviderMakesItsFamiliesUsable() {
        connected.add(Provider.GOOGLE);

        assertThat(tools().availability(ToolFamily.GMAIL, "org")).isEqualTo(Availability.USABLE);
        assertThat(tools().availability(ToolFamily.CALENDAR, "org")).isEqualTo(Availability.USABLE);
        assertThat(tools().availability(ToolFamily.SLACK, "org").usable()).isFalse();
    }

    @Test
    void aSwitchedOffFamilyIsRefusedWhateverIsConnectedAndNamesTheAdminAction() {
        connected.add(Provider.SLACK);
        off.add(ToolFamily.SLACK);

        Availability slack = tools().availability(ToolFamily.SLACK, "org");

        assertThat(slack.usable()).isFalse();
        assertThat(slack.reason()).isEqualTo("Slack is switched off on this platform");
        assertThat(slack.whatToDo()).contains("set_tool_availability, tool slack");
    }

    @Test
    void whatsAppIsOffByDefaultAndSaysWhy() {
        off.add(ToolFamily.WHATSAPP);

        assertThat(ToolFamily.WHATSAPP.enabledByDefault()).isFalse();
        assertThat(tools().availability(ToolFamily.WHATSAPP, "org").reason()).contains("Meta's approval");
    }

    @Test
    void aProviderThePlatformCannotConnectNamesItsSettings() {
        configured.remove(Provider.GOOGLE);

        assertThat(tools().availability(ToolFamily.CALENDAR, "org").whatToDo()).contains("mcprospero.connect.google.client-id");
    }

    @Test
    void aFamilyIsFoundByItsNameOrByOneOfItsTools() {
        assertThat(ToolFamily.of("whatsapp_send")).isEqualTo(ToolFamily.WHATSAPP);
        assertThat(ToolFamily.of(" Gmail ")).isEqualTo(ToolFamily.GMAIL);
    }
}

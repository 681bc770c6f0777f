package io.mcprospero.connections.agenttools;

import io.mcprospero.connections.Provider;
import io.mcprospero.failure.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

/**
 * The agent tools that go together on the platform: switched on and off as one ({@code mcprospero.tools.<family>.enabled},
 * admin action set_tool_availability), pointed at one API ({@code .base-url}), and needing one connected provider.
 */
public enum ToolFamily {
    GMAIL("gmail", "Gmail", Provider.GOOGLE, true),
    CALENDAR("calendar", "Google Calendar", Provider.GOOGLE, true),
    SLACK("slack", "Slack", Provider.SLACK, true),
    /** Built, but off until Meta has approved the platform's business number. */
    WHATSAPP("whatsapp", "WhatsApp", null, false);

    private final String wireName;
    private final String displayName;
    private final Provider provider;
    private final boolean enabledByDefault;

    ToolFamily(String wireName, String displayName, Provider provider, boolean enabledByDefault) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.provider = provider;
        this.enabledByDefault = enabledByDefault;
    }

    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    /** The account the org connects for these tools; null for WhatsApp, which sends from the platform's number. */
    public Provider provider() {
        return provider;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    public String setting(String name) {
        return "mcprospero.tools." + wireName + "." + name;
    }

    /** A family by its name, or by the name of one of its tools ({@code whatsapp_send}). */
    public static ToolFamily of(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> wanted.equals(f.wireName) || wanted.startsWith(f.wireName + "_")).findFirst()
                .orElseThrow(() -> new InvalidInput("unknown tool family '" + name + "'; set_tool_availability takes gmail, calendar, slack or whatsapp"));
    }
}

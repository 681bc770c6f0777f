package io.mcprospero.connections;

import io.mcprospero.failure.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

/** An account provider a person can connect: what it is called on the wire and what it gives the org's agents. */
public enum Provider {
    GOOGLE("google", "Google", "Gmail and Google Calendar"),
    SLACK("slack", "Slack", "Slack channels");

    private final String wireName;
    private final String displayName;
    private final String gives;

    Provider(String wireName, String displayName, String gives) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.gives = gives;
    }

    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    public String gives() {
        return gives;
    }

    /** The secret holding the connection's tokens. */
    public String secretName() {
        return "connection/" + wireName;
    }

    public static Provider of(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInput("unknown provider '" + name + "'; connect google (Gmail and Calendar) or slack"));
    }
}

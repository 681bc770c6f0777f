package io.mcprospero.agents;

import io.mcprospero.failure.InvalidInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an agent's send tools may deliver, as its approved version names them: Slack channels ({@code #work-digest}
 * or a channel id), email addresses and WhatsApp numbers (E.164, {@code +4915112345678}). A send tool refuses every
 * other destination, whatever the model was told by what it read.
 */
public final class Destinations {

    public enum Kind { SLACK_CHANNEL, EMAIL, PHONE }

    private static final Pattern CHANNEL_NAME = Pattern.compile("#[a-z0-9][a-z0-9._-]{0,79}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]{1,64}@[a-z0-9.-]{1,253}\\.[a-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private Destinations() {
    }

    /** The destination in its one spelling; refuses what is none of the kinds, saying what is. */
    public static String normalized(String destination) {
        return kindAndForm(destination).orElseThrow(() -> new InvalidInput("destinations take Slack channels (\"#work-digest\"), email "
                + "addresses (\"ana@example.com\") and WhatsApp numbers with their country code (\"+4915112345678\"); '" + destination
                + "' is none of these")).form();
    }

    public static Optional<Kind> kindOf(String destination) {
        return kindAndForm(destination).map(KindAndForm::kind);
    }

    /** The spec's destinations of one kind. */
    public static List<String> of(AgentSpec spec, Kind kind) {
        return spec.destinations().stream().filter(d -> kindOf(d).orElse(null) == kind).toList();
    }

    /** Whether the spec names this destination (in any spelling {@link #normalized} accepts). */
    public static boolean allows(AgentSpec spec, Kind kind, String destination) {
        Optional<KindAndForm> asked = kindAndForm(destination);
        return asked.isPresent() && asked.get().kind() == kind && spec.destinations().contains(asked.get().form());
    }

    private record KindAndForm(Kind kind, String form) {
    }

    private static Optional<KindAndForm> kindAndForm(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        String value = destination.strip();
        if (CHANNEL_ID.matcher(value).matches()) {
            return Optional.of(new KindAndForm(Kind.SLACK_CHANNEL, value));
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (CHANNEL_NAME.matcher(lower).matches()) {
            return Optional.of(new KindAndForm(Kind.SLACK_CHANNEL, lower));
        }
        if (EMAIL.matcher(lower).matches()) {
            return Optional.of(new KindAndForm(Kind.EMAIL, lower));
        }
        String digits = value.replaceAll("[\\s()-]", "");
        if (PHONE.matcher(digits).matches()) {
            return Optional.of(new KindAndForm(Kind.PHONE, digits));
        }
        return Optional.empty();
    }
}

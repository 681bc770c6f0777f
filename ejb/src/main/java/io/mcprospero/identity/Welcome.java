package io.mcprospero.identity;

import io.mcprospero.failure.InvalidInput;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the welcome page asks: a name, an IANA time zone and the acceptance of the current terms. */
public record Welcome(String name, String timeZone, boolean termsAccepted) {

    /** The time zones offered: IANA region zones ("Europe/Berlin") and UTC, without the legacy aliases. */
    public static final List<String> TIME_ZONES = zones();

    public Welcome {
        name = name == null ? "" : name.strip();
        timeZone = timeZone == null ? "" : timeZone.strip();
    }

    /** Checks the answers; the message says what to change. */
    public void validate() {
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInput("Enter your name (1 to 200 characters).");
        }
        if (!TIME_ZONES.contains(timeZone)) {
            throw new InvalidInput("Choose your time zone from the list (an IANA zone such as Europe/Berlin).");
        }
        if (!termsAccepted) {
            throw new InvalidInput("To use MCProspero, accept the terms of service.");
        }
    }

    private static List<String> zones() {
        Set<String> zones = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.indexOf('/');
            String area = slash < 0 ? "" : id.substring(0, slash);
            if (Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
                    .contains(area)) {
                zones.add(id);
            }
        }
        zones.add("UTC");
        return List.copyOf(zones);
    }
}

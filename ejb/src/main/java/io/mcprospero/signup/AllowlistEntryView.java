package io.mcprospero.signup;

import java.time.Instant;

/** An allowlist entry as admins see it: where it comes from (configuration or an admin) and, if stored, who added it when. */
public record AllowlistEntryView(String entry, Source source, String addedBy, Instant addedAt) {

    public enum Source {
        CONFIGURATION,
        ADMIN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

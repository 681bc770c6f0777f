package io.mcprospero.signup;

import io.mcprospero.support.ConfigLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who may sign up (placeholder until the admin-managed allowlist lands): configuration only. */
@ApplicationScoped
public class SignupAllowlist {

    private boolean open;
    private Set<String> entries;

    protected SignupAllowlist() {
        // for the CDI proxy
    }

    @Inject
    public SignupAllowlist(@ConfigProperty(name = "mcprospero.signup.open") boolean open,
                           @ConfigProperty(name = "mcprospero.signup.allowlist") Optional<String> allowlist,
                           @ConfigProperty(name = "mcprospero.admins") Optional<String> admins) {
        this.open = open;
        this.entries = java.util.stream.Stream.concat(ConfigLists.split(allowlist).stream(), ConfigLists.split(admins).stream())
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean admits(String normalizedEmail) {
        return open || entries.contains(normalizedEmail)
                || entries.contains(normalizedEmail.substring(normalizedEmail.indexOf('@')));
    }
}

package io.mcprospero.authz;

import io.mcprospero.support.ConfigLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The platform administrators, by verified email, from {@code mcprospero.admins}. */
@ApplicationScoped
public class PlatformAdmins {

    private Set<String> emails;

    protected PlatformAdmins() {
        // for the CDI proxy
    }

    @Inject
    public PlatformAdmins(@ConfigProperty(name = "mcprospero.admins") Optional<String> admins) {
        this.emails = ConfigLists.split(admins).stream()
                .map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(Caller caller) {
        return isAdminEmail(caller.email());
    }

    /** By normalized email: also for people who have not signed in yet (admins may always sign up). */
    public boolean isAdminEmail(String normalizedEmail) {
        return emails.contains(normalizedEmail);
    }
}

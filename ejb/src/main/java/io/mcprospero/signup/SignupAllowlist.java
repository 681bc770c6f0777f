package io.mcprospero.signup;

import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.signup.AllowlistEntry;
import io.mcprospero.support.ConfigLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may sign up: closed by default. A person is admitted when signup is open ({@code mcprospero.signup.open}),
 * when their email or its {@code @domain} is on the allowlist (from {@code mcprospero.signup.allowlist} or
 * added by a platform admin), when they are a platform admin, or when an org has invited them.
 */
@ApplicationScoped
public class SignupAllowlist {

    private static final Logger LOG = Logger.getLogger(SignupAllowlist.class.getName());

    private EntityManager entityManager;
    private PlatformAdmins admins;
    private Clock clock;
    private boolean open;
    private Set<String> configured;

    protected SignupAllowlist() {
        // for the CDI proxy
    }

    @Inject
    public SignupAllowlist(EntityManager entityManager, PlatformAdmins admins, Clock clock,
                           @ConfigProperty(name = "mcprospero.signup.open", defaultValue = "false") boolean open,
                           @ConfigProperty(name = "mcprospero.signup.allowlist") Optional<String> allowlist) {
        this.entityManager = entityManager;
        this.admins = admins;
        this.clock = clock;
        this.open = open;
        this.configured = configuredEntries(allowlist);
    }

    /** Whether the person with this normalized email may sign up (or, already known, keep signing in). */
    @Transactional
    public boolean admits(String normalizedEmail) {
        if (open || AllowlistMatch.admits(configured, normalizedEmail) || admins.isAdminEmail(normalizedEmail)) {
            return true;
        }
        long stored = entityManager.createNamedQuery(AllowlistEntry.COUNT_MATCHING, Long.class)
                .setParameter("entries", AllowlistMatch.entriesAdmitting(normalizedEmail))
                .getSingleResult();
        return stored > 0 || entityManager.createNamedQuery(Invitation.COUNT_FOR_EMAIL, Long.class)
                .setParameter("email", normalizedEmail)
                .getSingleResult() > 0;
    }

    public boolean isOpen() {
        return open;
    }

    /** Every entry, configured ones first; an entry both configured and stored is listed once, as configured. */
    @Transactional
    public List<AllowlistEntryView> entries() {
        List<AllowlistEntryView> entries = new ArrayList<>();
        configured.forEach(entry -> entries.add(new AllowlistEntryView(entry, AllowlistEntryView.Source.CONFIGURATION, null, null)));
        entityManager.createNamedQuery(AllowlistEntry.ALL, AllowlistEntry.class).getResultList().stream()
                .filter(stored -> !configured.contains(stored.entry()))
                .forEach(stored -> entries.add(new AllowlistEntryView(stored.entry(), AllowlistEntryView.Source.ADMIN,
                        stored.addedBy(), stored.createdAt())));
        return entries;
    }

    /** Adds an entry; adding one that is already there changes nothing. */
    @Transactional
    public AllowlistEdit add(String entry, String addedBy) {
        String normalized = normalize(entry);
        if (configured.contains(normalized) || find(normalized).isPresent()) {
            return new AllowlistEdit(normalized, false);
        }
        entityManager.persist(new AllowlistEntry(normalized, addedBy, clock.instant()));
        LOG.info("a platform admin added an allowlist entry");
        return new AllowlistEdit(normalized, true);
    }

    /** Removes an entry an admin added; configured entries are changed in the configuration. */
    @Transactional
    public AllowlistEdit remove(String entry) {
        String normalized = normalize(entry);
        Optional<AllowlistEntry> stored = find(normalized);
        if (stored.isPresent()) {
            entityManager.remove(stored.get());
            LOG.info("a platform admin removed an allowlist entry");
            return new AllowlistEdit(normalized, true);
        }
        if (configured.contains(normalized)) {
            throw new InvalidInput("'" + normalized + "' comes from the configuration (mcprospero.signup.allowlist); "
                    + "remove it there and restart");
        }
        throw new NotFound("'" + normalized + "' is not on the allowlist; call allowlist_list to see the entries");
    }

    private Optional<AllowlistEntry> find(String normalized) {
        return entityManager.createNamedQuery(AllowlistEntry.BY_ENTRY, AllowlistEntry.class)
                .setParameter("entry", normalized)
                .getResultStream()
                .findFirst();
    }

    private static String normalize(String entry) {
        try {
            return AllowlistEntry.normalize(entry);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
    }

    /** A malformed configured entry is skipped with a warning: it admits nobody, which is the closed default. */
    private static Set<String> configuredEntries(Optional<String> allowlist) {
        Set<String> entries = new LinkedHashSet<>();
        for (String raw : ConfigLists.split(allowlist)) {
            try {
                entries.add(AllowlistEntry.normalize(raw));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "mcprospero.signup.allowlist: skipped an entry: " + e.getMessage());
            }
        }
        return Collections.unmodifiableSet(entries);
    }
}

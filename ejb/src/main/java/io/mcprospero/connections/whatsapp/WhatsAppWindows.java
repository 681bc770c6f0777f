package io.mcprospero.connections.whatsapp;

import io.mcprospero.integrations.whatsapp.WhatsAppWebhook;
import io.mcprospero.support.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The 24-hour customer service window of the platform's WhatsApp number: free text reaches a person only within 24
 * hours of their last message to the number. Meta's webhook says when each person wrote; a number is kept as an
 * HMAC under the app secret, so the table names nobody, and a row is deleted once its window has closed.
 */
@ApplicationScoped
public class WhatsAppWindows {

    public static final Duration WINDOW = Duration.ofHours(24);

    private EntityManager entityManager;
    private WhatsAppWebhookSettings settings;
    private Clock clock;

    protected WhatsAppWindows() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppWindows(EntityManager entityManager, WhatsAppWebhookSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the platform hears Meta's webhook, and so knows the windows; without it only a refused send tells. */
    public boolean known() {
        return settings.appSecret().isPresent();
    }

    /** When the person at {@code number} last wrote to the platform's number, if within the window. */
    @Transactional
    public Optional<Instant> lastWrote(String number) {
        if (!known()) {
            return Optional.empty();
        }
        List<?> rows = entityManager.createNativeQuery("SELECT last_inbound_at FROM whatsapp_windows WHERE sender_digest = ?1")
                .setParameter(1, digest(number)).getResultList();
        Instant now = clock.instant();
        return rows.stream().map(SqlTimes::instant).filter(at -> at.isAfter(now.minus(WINDOW))).findFirst();
    }

    /**
     * Notes each message people sent to the platform's number (a later one only moves a window forward), and deletes
     * the windows that have closed. Two deliveries racing to insert the same new sender: the key refuses one, the
     * webhook answers 503 and Meta delivers it again.
     */
    @Transactional
    public int received(List<WhatsAppWebhook.Inbound> messages) {
        int noted = 0;
        Instant now = clock.instant();
        for (WhatsAppWebhook.Inbound message : messages) {
            if (!settings.ours(message.phoneNumberId()) || !message.at().isAfter(now.minus(WINDOW))) {
                continue;
            }
            // Meta's clock against ours: a message cannot open a window that lasts beyond 24 hours from now
            java.sql.Timestamp at = SqlTimes.timestamp(message.at().isAfter(now) ? now : message.at());
            String digest = digest(message.from());
            int moved = entityManager.createNativeQuery("UPDATE whatsapp_windows SET last_inbound_at = ?2 WHERE sender_digest = ?1 "
                    + "AND last_inbound_at < ?2").setParameter(1, digest).setParameter(2, at).executeUpdate();
            if (moved == 0) {
                entityManager.createNativeQuery("INSERT INTO whatsapp_windows (sender_digest, last_inbound_at) SELECT ?1, ?2 WHERE NOT EXISTS "
                        + "(SELECT 1 FROM whatsapp_windows WHERE sender_digest = ?1)").setParameter(1, digest).setParameter(2, at).executeUpdate();
            }
            noted++;
        }
        entityManager.createNativeQuery("DELETE FROM whatsapp_windows WHERE last_inbound_at < ?1")
                .setParameter(1, SqlTimes.timestamp(now.minus(WINDOW))).executeUpdate();
        return noted;
    }

    /** Meta refused free text to {@code number} as outside the window: whatever this table believed, it is closed. */
    @Transactional
    public void closed(String number) {
        if (known()) {
            entityManager.createNativeQuery("DELETE FROM whatsapp_windows WHERE sender_digest = ?1").setParameter(1, digest(number)).executeUpdate();
        }
    }

    /** The keyed digest of a number, whichever way it is written (+49 151..., 49151...). */
    String digest(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return HexFormat.of().formatHex(WhatsAppWebhook.hmacSha256("whatsapp-window:" + settings.appSecret().orElseThrow(),
                digits.getBytes(StandardCharsets.UTF_8)));
    }
}

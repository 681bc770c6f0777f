package io.mcprospero.connections.whatsapp;

import io.mcprospero.agents.runs.DeliveryReports;
import io.mcprospero.integrations.whatsapp.WhatsAppWebhook;
import io.mcprospero.support.Jsons;
import io.mcprospero.support.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages whatsapp_send had accepted, and what became of them: Meta answers a send with a message id and reports
 * later, by webhook, whether it was delivered, read or failed; a message outside the 24-hour window, for one, is
 * usually accepted and then fails (131047). The run's view shows these reports; a failure outside the window also
 * closes the window this platform believed open.
 */
@ApplicationScoped
public class WhatsAppDeliveries implements DeliveryReports {

    /** How long a run's reports are kept: the runs a person looks at are recent. */
    static final Duration KEPT = Duration.ofDays(30);
    static final int OUTSIDE_WINDOW = 131047;
    private static final List<String> PROGRESS = List.of("accepted", "sent", "delivered", "read", "failed");

    private EntityManager entityManager;
    private WhatsAppWindows windows;
    private WhatsAppWebhookSettings settings;
    private Clock clock;

    protected WhatsAppDeliveries() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppDeliveries(EntityManager entityManager, WhatsAppWindows windows, WhatsAppWebhookSettings settings, Clock clock) {
        this.entityManager = entityManager;
        this.windows = windows;
        this.settings = settings;
        this.clock = clock;
    }

    /** Notes a message Meta accepted for a run, in a transaction of its own: the send has happened whatever else fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void accepted(String orgId, String runId, String messageId) {
        java.sql.Timestamp now = SqlTimes.timestamp(clock.instant());
        entityManager.createNativeQuery("INSERT INTO whatsapp_messages (message_id, org_id, run_id, sent_at, status, updated_at) "
                        + "SELECT ?1, ?2, ?3, ?4, 'accepted', ?4 WHERE NOT EXISTS (SELECT 1 FROM whatsapp_messages WHERE message_id = ?1)")
                .setParameter(1, messageId).setParameter(2, orgId).setParameter(3, runId).setParameter(4, now).executeUpdate();
    }

    /**
     * Applies status updates of the platform's messages. Meta may deliver them late, twice or out of order: a status
     * only moves a message forward (accepted, sent, delivered, read), and a failure is final.
     */
    @Transactional
    public int updated(List<WhatsAppWebhook.Status> statuses) {
        int applied = 0;
        for (WhatsAppWebhook.Status status : statuses) {
            if (!settings.ours(status.phoneNumberId()) || !PROGRESS.contains(status.status())) {
                continue;
            }
            if (status.failed() && status.errorCode() != null && status.errorCode() == OUTSIDE_WINDOW) {
                windows.closed(status.recipient());
            }
            List<?> rows = entityManager.createNativeQuery("SELECT status FROM whatsapp_messages WHERE message_id = ?1")
                    .setParameter(1, status.messageId()).getResultList();
            if (rows.isEmpty() || PROGRESS.indexOf((String) rows.get(0)) >= PROGRESS.indexOf(status.status())) {
                continue;
            }
            String error = status.failed() ? (status.errorCode() == null ? "" : status.errorCode() + ": ") + (status.error() == null ? "failed" : status.error())
                    : null;
            entityManager.createNativeQuery("UPDATE whatsapp_messages SET status = ?2, error = ?3, updated_at = ?4 WHERE message_id = ?1")
                    .setParameter(1, status.messageId()).setParameter(2, status.status())
                    .setParameter(3, error == null ? null : error.length() > 400 ? error.substring(0, 400) : error)
                    .setParameter(4, SqlTimes.timestamp(status.at())).executeUpdate();
            applied++;
        }
        entityManager.createNativeQuery("DELETE FROM whatsapp_messages WHERE sent_at < ?1")
                .setParameter(1, SqlTimes.timestamp(clock.instant().minus(KEPT))).executeUpdate();
        return applied;
    }

    @Override
    @Transactional
    public List<JsonObject> of(String orgId, String runId) {
        List<?> rows = entityManager.createNativeQuery("SELECT message_id, status, error, updated_at FROM whatsapp_messages "
                + "WHERE org_id = ?1 AND run_id = ?2 ORDER BY sent_at, message_id").setParameter(1, orgId).setParameter(2, runId).getResultList();
        List<JsonObject> reports = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            JsonObjectBuilder report = Jsons.object().add("channel", "whatsapp").add("message_id", (String) columns[0])
                    .add("status", (String) columns[1]).add("updated_at", SqlTimes.instant(columns[3]).toString());
            if (columns[2] != null) {
                report.add("error", (String) columns[2]);
            }
            reports.add(report.build());
        }
        return reports;
    }
}

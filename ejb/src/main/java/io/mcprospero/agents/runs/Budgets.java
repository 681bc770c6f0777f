package io.mcprospero.agents.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each org's daily budget of units (UTC days). Before a model call its most possible cost is reserved by one
 * conditional update, which refuses when the day's use would pass the budget; after the call the reservation is
 * settled to the real cost. Two runs of one org racing therefore never spend past the budget together. A reservation
 * is kept as a hold under its call's key (run and turn) until it is settled: an attempt that died holding one (the
 * instance was killed mid-call) leaves it behind, and the retry of the same turn releases it before holding again.
 */
@ApplicationScoped
public class Budgets {

    static final long GLANCE_MILLIS = 5_000;
    private static final int GLANCES = 10_000;

    /** Units held for one call (named by its key), on the day they were held. */
    public record Reservation(String key, String orgId, LocalDate day, long units) {
    }

    private EntityManager entityManager;
    private UsageDays usageDays;
    private Clock clock;
    private long defaultDaily;
    /** What whoami shows, kept briefly: it is asked on every whoami, and a few seconds late is fine to read. */
    private final Map<String, Glance> glances = new ConcurrentHashMap<>();

    private record Glance(Standing standing, long until) {
    }

    protected Budgets() {
        // for the CDI proxy
    }

    @Inject
    public Budgets(EntityManager entityManager, UsageDays usageDays, Clock clock,
                   @ConfigProperty(name = "mcprospero.budget.daily-units") long defaultDaily) {
        this.entityManager = entityManager;
        this.usageDays = usageDays;
        this.clock = clock;
        this.defaultDaily = defaultDaily;
    }

    @Transactional
    public long dailyOf(String orgId) {
        List<?> set = entityManager.createNativeQuery("SELECT daily_units FROM org_budgets WHERE org_id = ?1").setParameter(1, orgId)
                .getResultList();
        return set.isEmpty() ? defaultDaily : ((Number) set.get(0)).longValue();
    }

    @Transactional
    public long usedToday(String orgId) {
        List<?> used = entityManager.createNativeQuery("SELECT units FROM org_usage WHERE org_id = ?1 AND usage_day = ?2")
                .setParameter(1, orgId).setParameter(2, java.sql.Date.valueOf(today())).getResultList();
        return used.isEmpty() ? 0 : ((Number) used.get(0)).longValue();
    }

    /** An org's budget and what is left of it today. */
    public record Standing(long daily, long used) {
        public long left() {
            return Math.max(0, daily - used);
        }
    }

    /** Both in one round trip: whoami shows them on every call. */
    @Transactional
    public Standing standing(String orgId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT (SELECT daily_units FROM org_budgets WHERE org_id = ?1), "
                        + "(SELECT units FROM org_usage WHERE org_id = ?1 AND usage_day = ?2)")
                .setParameter(1, orgId).setParameter(2, java.sql.Date.valueOf(today())).getSingleResult();
        return new Standing(row[0] == null ? defaultDaily : ((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    /**
     * The org's standing as a person reads it: at most {@link #GLANCE_MILLIS} old, and fresh after this instance held,
     * settled or set anything for the org. Spending is never decided on it ({@link #reserve} reads the database).
     */
    public Standing glance(String orgId) {
        long now = clock.millis();
        Glance kept = glances.get(orgId);
        if (kept != null && kept.until() > now) {
            return kept.standing();
        }
        Standing standing = standing(orgId);
        if (glances.size() >= GLANCES) {
            glances.clear();
        }
        glances.put(orgId, new Glance(standing, now + GLANCE_MILLIS));
        return standing;
    }

    @Transactional
    public long leftToday(String orgId) {
        return standing(orgId).left();
    }

    /**
     * Holds {@code units} of today's budget for the call named {@code key}, or answers null when they are not left; a
     * hold an earlier attempt of the same call left behind is released first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reservation reserve(String key, String orgId, long units) {
        glances.remove(orgId);
        release(key);
        LocalDate day = today();
        long budget = dailyOf(orgId);
        java.sql.Date date = java.sql.Date.valueOf(day);
        // the day's row, created by the first call of the day; when two first calls race, the key refuses one insert,
        // and that one holds against the row its twin made
        try {
            usageDays.open(orgId, date);
        } catch (RuntimeException raced) {
            if (!UsageDays.isUniqueViolation(raced)) {
                throw raced;
            }
        }
        int held = entityManager.createNativeQuery("UPDATE org_usage SET units = units + ?3 WHERE org_id = ?1 AND usage_day = ?2 "
                        + "AND units + ?3 <= ?4")
                .setParameter(1, orgId).setParameter(2, date).setParameter(3, units).setParameter(4, budget).executeUpdate();
        if (held != 1) {
            return null;
        }
        entityManager.createNativeQuery("INSERT INTO budget_holds (hold_key, org_id, usage_day, units, held_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, key).setParameter(2, orgId).setParameter(3, date).setParameter(4, units)
                .setParameter(5, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        return new Reservation(key, orgId, day, units);
    }

    /** Replaces a reservation by what the call really cost. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(Reservation reservation, long actual) {
        glances.remove(reservation.orgId());
        int removed = entityManager.createNativeQuery("DELETE FROM budget_holds WHERE hold_key = ?1").setParameter(1, reservation.key())
                .executeUpdate();
        // no hold: a later attempt of this call released it already, and the cost is that attempt's to settle
        long held = removed == 1 ? reservation.units() : 0;
        entityManager.createNativeQuery("UPDATE org_usage SET units = units - ?3 + ?4 WHERE org_id = ?1 AND usage_day = ?2")
                .setParameter(1, reservation.orgId()).setParameter(2, java.sql.Date.valueOf(reservation.day()))
                .setParameter(3, held).setParameter(4, removed == 1 ? actual : 0).executeUpdate();
    }

    /** Gives back what a dead attempt of the call {@code key} held, if it held anything. */
    private void release(String key) {
        List<?> left = entityManager.createNativeQuery("SELECT org_id, usage_day, units FROM budget_holds WHERE hold_key = ?1")
                .setParameter(1, key).getResultList();
        if (left.isEmpty()) {
            return;
        }
        Object[] hold = (Object[]) left.get(0);
        entityManager.createNativeQuery("DELETE FROM budget_holds WHERE hold_key = ?1").setParameter(1, key).executeUpdate();
        entityManager.createNativeQuery("UPDATE org_usage SET units = GREATEST(0, units - ?3) WHERE org_id = ?1 AND usage_day = ?2")
                .setParameter(1, hold[0]).setParameter(2, hold[1]).setParameter(3, ((Number) hold[2]).longValue()).executeUpdate();
    }

    /** An admin's setting of an org's daily budget. */
    @Transactional
    public void setDaily(String orgId, long units) {
        glances.remove(orgId);
        if (orgId.length() > 36 || entityManager.find(io.mcprospero.persistence.org.Org.class, orgId) == null) {
            throw new io.mcprospero.failure.NotFound("no org with id '" + orgId + "'; call list_orgs or list_users to find it");
        }
        int updated = entityManager.createNativeQuery("UPDATE org_budgets SET daily_units = ?2 WHERE org_id = ?1")
                .setParameter(1, orgId).setParameter(2, units).executeUpdate();
        if (updated == 0) {
            try {
                entityManager.createNativeQuery("INSERT INTO org_budgets (org_id, daily_units) VALUES (?1, ?2)")
                        .setParameter(1, orgId).setParameter(2, units).executeUpdate();
            } catch (PersistenceException raced) {
                throw new io.mcprospero.failure.Conflict("the budget was being set by someone else at the same time; try again");
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

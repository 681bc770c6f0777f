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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each org's daily budget of units (UTC days). Before a model call its most possible cost is reserved by one
 * conditional update, which refuses when the day's use would pass the budget; after the call the reservation is
 * settled to the real cost. Two runs of one org racing therefore never spend past the budget together.
 */
@ApplicationScoped
public class Budgets {

    /** Units held for one call, on the day they were held. */
    public record Reservation(String orgId, LocalDate day, long units) {
    }

    private EntityManager entityManager;
    private UsageDays usageDays;
    private Clock clock;
    private long defaultDaily;

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

    @Transactional
    public long leftToday(String orgId) {
        return standing(orgId).left();
    }

    /** Holds {@code units} of today's budget, or answers null when they are not left. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reservation reserve(String orgId, long units) {
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
        return held == 1 ? new Reservation(orgId, day, units) : null;
    }

    /** Replaces a reservation by what the call really cost. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(Reservation reservation, long actual) {
        entityManager.createNativeQuery("UPDATE org_usage SET units = units - ?3 + ?4 WHERE org_id = ?1 AND usage_day = ?2")
                .setParameter(1, reservation.orgId()).setParameter(2, java.sql.Date.valueOf(reservation.day()))
                .setParameter(3, reservation.units()).setParameter(4, actual).executeUpdate();
    }

    /** An admin's setting of an org's daily budget. */
    @Transactional
    public void setDaily(String orgId, long units) {
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

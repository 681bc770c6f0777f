package io.mcprospero.agents.runs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.SQLException;

/**
 * The row of an org's usage for one day, which the day's first reservation creates. Two first reservations racing both
 * find no row and both insert: the database lets one in and refuses the other on the key. The insert has a transaction of
 * its own, so that the refused one goes on with the row its twin made; in the reservation's transaction, PostgreSQL
 * would have aborted the reservation.
 */
@ApplicationScoped
public class UsageDays {

    private static final String UNIQUE_VIOLATION = "23505";

    private EntityManager entityManager;

    protected UsageDays() {
        // for the CDI proxy
    }

    @Inject
    public UsageDays(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Makes sure the org has a row for the day (0 units); fails with {@link #isUniqueViolation} when a twin's insert won. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(String orgId, Date day) {
        entityManager.createNativeQuery("INSERT INTO org_usage (org_id, usage_day, units) SELECT ?1, ?2, 0 WHERE NOT EXISTS "
                        + "(SELECT 1 FROM org_usage WHERE org_id = ?1 AND usage_day = ?2)")
                .setParameter(1, orgId).setParameter(2, day).executeUpdate();
    }

    /** Whether {@code failure} is the key's refusal of the second of two racing inserts (PostgreSQL's and H2's state). */
    static boolean isUniqueViolation(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

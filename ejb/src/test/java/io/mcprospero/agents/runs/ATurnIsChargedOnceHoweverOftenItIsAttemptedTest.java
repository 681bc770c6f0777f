package io.mcprospero.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcprospero.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model turn's budget hold is keyed by its run and turn: an attempt killed mid-call leaves its hold behind, and the
 * retry of that turn gives it back before holding again, so the org's day is charged the turn's cost once; a hold
 * that is settled is gone.
 */
class ATurnIsChargedOnceHoweverOftenItIsAttemptedTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private static <T> T inTransaction(EntityManager entityManager, Supplier<T> work) {
        entityManager.getTransaction().begin();
        T result = work.get();
        entityManager.getTransaction().commit();
        return result;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRetriedTurnReleasesTheHoldOfItsDeadAttempt(TestDatabase database) {
        assumeTrue(database.isAvailable(), database + " is not reachable");
        EntityManager entityManager = database.factory().createEntityManager();
        String orgId = UUID.randomUUID().toString();
        database.execute("INSERT INTO orgs (id, name, personal, created_at, version) VALUES (?, 'Held', false, CURRENT_TIMESTAMP, 1)", orgId);
        Budgets budgets = new Budgets(entityManager, new UsageDays(entityManager), NOON, 10_000);

        Budgets.Reservation dead = inTransaction(entityManager, () -> budgets.reserve("run-1/turn-0", orgId, 3_000));
        assertThat(dead).isNotNull();
        assertThat(inTransaction(entityManager, () -> budgets.usedToday(orgId))).as("held while the call is in flight").isEqualTo(3_000);

        // the instance dies before it settles; the retry of the same turn holds again and settles at the real cost
        Budgets.Reservation retry = inTransaction(entityManager, () -> budgets.reserve("run-1/turn-0", orgId, 3_000));
        assertThat(inTransaction(entityManager, () -> budgets.usedToday(orgId))).as("the dead attempt's hold was given back").isEqualTo(3_000);
        inTransaction(entityManager, () -> {
            budgets.settle(retry, 360);
            return null;
        });

        assertThat(inTransaction(entityManager, () -> budgets.usedToday(orgId))).isEqualTo(360);
        assertThat(inTransaction(entityManager, () -> entityManager.createNativeQuery("SELECT COUNT(*) FROM budget_holds WHERE org_id = ?1")
                .setParameter(1, orgId).getSingleResult())).extracting(count -> ((Number) count).intValue()).isEqualTo(0);
        Budgets.Reservation nextTurn = inTransaction(entityManager, () -> budgets.reserve("run-1/turn-1", orgId, 9_640));
        assertThat(nextTurn).as("the rest of the day is there for the next turn").isNotNull();
        assertThat(inTransaction(entityManager, () -> budgets.reserve("run-2/turn-0", orgId, 1))).as("and nothing more").isNull();
        entityManager.close();
    }
}

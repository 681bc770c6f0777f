package io.mcprospero.connections;

import io.mcprospero.support.SqlTimes;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The org's connected accounts (one per provider), without their tokens, which are secrets of the org ({@link ConnectionTokens}). */
@ApplicationScoped
public class Connections {

    private EntityManager entityManager;
    private Transactions transactions;
    private Clock clock;

    protected Connections() {
        // for the CDI proxy
    }

    @Inject
    public Connections(EntityManager entityManager, Transactions transactions, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<ConnectionView> of(String orgId) {
        return transactions.inOne(() -> {
            List<ConnectionView> views = new ArrayList<>();
            for (Object row : entityManager.createNativeQuery("SELECT provider, account, connected_by, connected_at, last_used_at FROM connections "
                    + "WHERE org_id = ?1 ORDER BY provider").setParameter(1, orgId).getResultList()) {
                Object[] columns = (Object[]) row;
                views.add(new ConnectionView(Provider.of((String) columns[0]), (String) columns[1], (String) columns[2], SqlTimes.instant(columns[3]),
                        SqlTimes.instant(columns[4])));
            }
            return views;
        });
    }

    public Optional<ConnectionView> find(String orgId, Provider provider) {
        return of(orgId).stream().filter(view -> view.provider() == provider).findFirst();
    }

    /** Records the connection, replacing an earlier one of the provider. */
    public void save(String orgId, Provider provider, String account, String userId) {
        transactions.inOne(() -> {
            entityManager.createNativeQuery("DELETE FROM connections WHERE org_id = ?1 AND provider = ?2").setParameter(1, orgId)
                    .setParameter(2, provider.wireName()).executeUpdate();
            return entityManager.createNativeQuery("INSERT INTO connections (org_id, provider, account, connected_by, connected_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, orgId).setParameter(2, provider.wireName())
                    .setParameter(3, account).setParameter(4, userId).setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        });
    }

    public void touch(String orgId, Provider provider) {
        transactions.inOne(() -> entityManager.createNativeQuery("UPDATE connections SET last_used_at = ?3 WHERE org_id = ?1 AND provider = ?2")
                .setParameter(1, orgId).setParameter(2, provider.wireName()).setParameter(3, Timestamp.from(clock.instant())).executeUpdate());
    }

    public boolean remove(String orgId, Provider provider) {
        return transactions.inOne(() -> entityManager.createNativeQuery("DELETE FROM connections WHERE org_id = ?1 AND provider = ?2")
                .setParameter(1, orgId).setParameter(2, provider.wireName()).executeUpdate()) > 0;
    }
}

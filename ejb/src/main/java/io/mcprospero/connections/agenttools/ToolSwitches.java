package io.mcprospero.connections.agenttools;

import io.mcprospero.mcp.ToolListChanges;
import io.mcprospero.support.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's switches for tool families: an admin's choice (kept in the database, so every instance sees it at
 * once) wins over configuration ({@code mcprospero.tools.<family>.enabled}), which wins over the family's default.
 */
@ApplicationScoped
public class ToolSwitches {

    private EntityManager entityManager;
    private Transactions transactions;
    private ToolListChanges toolListChanges;
    private Clock clock;

    protected ToolSwitches() {
        // for the CDI proxy
    }

    @Inject
    public ToolSwitches(EntityManager entityManager, Transactions transactions, ToolListChanges toolListChanges, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.toolListChanges = toolListChanges;
        this.clock = clock;
    }

    public boolean enabled(ToolFamily family) {
        List<?> rows = transactions.inOne(() -> entityManager.createNativeQuery("SELECT enabled FROM tool_switches WHERE family = ?1")
                .setParameter(1, family.wireName()).getResultList());
        if (!rows.isEmpty()) {
            return Boolean.TRUE.equals(rows.get(0)) || (rows.get(0) instanceof Number n && n.intValue() != 0);
        }
        return ConfigProvider.getConfig(ToolSwitches.class.getClassLoader()).getOptionalValue(family.setting("enabled"), Boolean.class)
                .orElse(family.enabledByDefault());
    }

    /** Sets the switch, and signals every subscribed client that what its tools offer changed. */
    public void set(ToolFamily family, boolean enabled, String adminEmail) {
        transactions.inOne(() -> {
            entityManager.createNativeQuery("DELETE FROM tool_switches WHERE family = ?1").setParameter(1, family.wireName()).executeUpdate();
            toolListChanges.changedForEveryone();
            return entityManager.createNativeQuery("INSERT INTO tool_switches (family, enabled, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, family.wireName()).setParameter(2, enabled).setParameter(3, adminEmail)
                    .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        });
    }
}

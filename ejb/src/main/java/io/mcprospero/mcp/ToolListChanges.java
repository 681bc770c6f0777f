package io.mcprospero.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Signals that someone's tool list may have changed (their role or their current org changed, or the platform's
 * tool availability did), written in the database so that the instance holding that person's subscriptions/listen
 * stream learns of it whichever instance made the change. Written in the transaction of the change, so a change
 * rolled back signals nothing.
 */
@ApplicationScoped
public class ToolListChanges {

    static final Duration KEPT = Duration.ofHours(1);
    private static final String INSERT = "INSERT INTO tool_list_changes (id, user_id, changed_at) VALUES (?1, ?2, ?3)";
    private static final String SINCE = "SELECT id, user_id, changed_at FROM tool_list_changes WHERE changed_at > ? ORDER BY changed_at";
    private static final String PURGE = "DELETE FROM tool_list_changes WHERE changed_at < ?";

    private EntityManager entityManager;
    private DataSource dataSource;
    private Clock clock;

    protected ToolListChanges() {
        // for the CDI proxy
    }

    @Inject
    public ToolListChanges(EntityManager entityManager, DataSource dataSource, Clock clock) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** This person's tools may look different now; within the caller's transaction. */
    public void changedFor(String userId) {
        insert(userId);
    }

    /** Everyone's tools may look different now (a platform switch); within the caller's transaction. */
    public void changedForEveryone() {
        insert(null);
    }

    private void insert(String userId) {
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, userId)
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** The signals written after {@code from}, oldest first. */
    public List<Change> since(Instant from) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SINCE)) {
            statement.setTimestamp(1, Timestamp.from(from));
            List<Change> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new PersistenceException("could not read the tool list changes", e);
        }
    }

    /** Deletes signals older than an hour: every listener has read them by then. */
    public void purge() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
            purge.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not purge the tool list changes", e);
        }
    }

    /** One signal: whose tools (null: everyone's) and when. */
    public record Change(String id, String userId, Instant at) {

        public boolean concerns(String user) {
            return userId == null || userId.equals(user);
        }
    }
}

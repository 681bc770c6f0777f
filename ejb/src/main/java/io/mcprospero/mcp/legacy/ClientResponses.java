package io.mcprospero.mcp.legacy;

import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * A legacy client's answers to the requests the server sent it on a response stream (elicitation/create). The
 * answer comes as a POST of its own, which may reach another instance than the one holding the stream, so it is kept
 * in the database until the waiting instance takes it (and deletes it).
 */
@ApplicationScoped
public class ClientResponses {

    static final Duration POLL = Duration.ofMillis(200);
    private static final String INSERT = "INSERT INTO mcp_client_responses (session_hash, request_id, body, received_at) VALUES (?, ?, ?, ?)";
    private static final String TAKE = "SELECT body FROM mcp_client_responses WHERE session_hash = ? AND request_id = ?";
    private static final String DELETE = "DELETE FROM mcp_client_responses WHERE session_hash = ? AND request_id = ?";
    private static final String PURGE = "DELETE FROM mcp_client_responses WHERE received_at < ?";

    private DataSource dataSource;
    private Clock clock;

    protected ClientResponses() {
        // for the CDI proxy
    }

    @Inject
    public ClientResponses(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Keeps one answer; a second answer to the same request is ignored (the first one counts). */
    public void put(String sessionHash, String requestId, JsonObject message) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            purge.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
            purge.executeUpdate();
            insert.setString(1, sessionHash);
            insert.setString(2, requestId);
            insert.setString(3, message.toString());
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException duplicateOrDown) {
            if (!isDuplicate(duplicateOrDown)) {
                throw new PersistenceException("could not keep the client's response", duplicateOrDown);
            }
        }
    }

    /** Waits for the answer to a request, until the deadline or until {@code stillWanted} turns false. */
    public Optional<JsonObject> await(String sessionHash, String requestId, Instant deadline, BooleanSupplier stillWanted) {
        while (clock.instant().isBefore(deadline) && stillWanted.getAsBoolean()) {
            Optional<JsonObject> answer = take(sessionHash, requestId);
            if (answer.isPresent()) {
                return answer;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<JsonObject> take(String sessionHash, String requestId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TAKE)) {
            select.setString(1, sessionHash);
            select.setString(2, requestId);
            String body;
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                body = row.getString(1);
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, sessionHash);
                delete.setString(2, requestId);
                delete.executeUpdate();
            }
            try (JsonReader reader = Jsons.reader(new StringReader(body))) {
                return Optional.of(reader.readObject());
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the client's response", e);
        }
    }

    private static boolean isDuplicate(SQLException e) {
        // 23505 (PostgreSQL) and 23505/23001 (H2): unique or primary key violation
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}

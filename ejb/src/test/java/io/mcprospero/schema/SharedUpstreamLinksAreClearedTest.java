package io.mcprospero.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V9 makes (issuer, subject) unique. Before it, a sign-in overwrote the stored subject, so a database may hold one
 * subject on several accounts: those links are cleared (each account relinks through a verified email), a link of its
 * own is kept, and the migration does not fail.
 */
class SharedUpstreamLinksAreClearedTest {

    private static final String URL = "jdbc:h2:mem:v9-links;DB_CLOSE_DELAY=-1";

    @Test
    void aSubjectOnSeveralAccountsIsUnlinkedAndAnOwnLinkStays() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").target("8").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
            insert(db, "victim", "sub-attacker");
            insert(db, "attacker", "sub-attacker");
            insert(db, "bystander", "sub-bystander");

            Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();

            assertThat(subjects(db)).containsExactly("attacker=null", "bystander=sub-bystander", "victim=null");
        }
    }

    private static void insert(Connection db, String who, String subject) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into users (id, email, status, created_at, version, upstream_issuer,"
                + " upstream_subject) values (?, ?, 'ACTIVE', ?, 0, 'https://idp.example.com', ?)")) {
            insert.setString(1, who);
            insert.setString(2, who + "@example.com");
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setString(4, subject);
            insert.executeUpdate();
        }
    }

    private static List<String> subjects(Connection db) throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("select id, upstream_subject from users order by id")) {
            while (rows.next()) {
                subjects.add(rows.getString(1) + "=" + rows.getString(2));
            }
        }
        return subjects;
    }
}

package io.mcprospero.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The two databases MCProspero runs on, migrated by the real Flyway scripts and opened with the real
 * persistence unit in Java SE: H2 in memory, and PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth)
 * in a fresh database per test run, dropped when the JVM exits. Each is opened once per JVM.
 */
public enum TestDatabase {
    H2 {
        @Override
        String jdbcUrl() {
            return "jdbc:h2:mem:mcprospero-test;DB_CLOSE_DELAY=-1";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        void create() {
        }

        @Override
        void drop() {
        }
    },
    POSTGRESQL {
        private final String database = "mcprospero_secrets_test_" + ProcessHandle.current().pid();

        @Override
        String jdbcUrl() {
            return SERVER + database;
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        public boolean isAvailable() {
            try (Connection ignored = DriverManager.getConnection(SERVER + "postgres?connectTimeout=2", "postgres", "")) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        void create() {
            administer("DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
        }

        @Override
        void drop() {
            administer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        private void administer(String... statements) {
            try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot administer the PostgreSQL test database: " + e.getMessage(), e);
            }
        }
    };

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private EntityManagerFactory factory;

    abstract String jdbcUrl();

    abstract String user();

    abstract void create();

    abstract void drop();

    public boolean isAvailable() {
        return true;
    }

    /** The persistence unit "mcprospero" on this database, created and migrated on first use. */
    public synchronized EntityManagerFactory factory() {
        if (factory == null) {
            create();
            Flyway.configure().dataSource(jdbcUrl(), user(), "").locations("classpath:db/migration").load().migrate();
            factory = Persistence.createEntityManagerFactory("mcprospero", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", "",
                    "jakarta.persistence.jdbc.url", jdbcUrl(),
                    "jakarta.persistence.jdbc.user", user(),
                    "jakarta.persistence.jdbc.password", "",
                    "eclipselink.target-server", "None",
                    "eclipselink.weaving", "false",
                    "eclipselink.logging.level", "WARNING"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                factory.close();
                drop();
            }));
        }
        return factory;
    }

    /** Deletes every row of the tables the tests write, child tables first. */
    public void clear(String... tables) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the test database: " + e.getMessage(), e);
        }
    }

    /** Runs one SQL update with parameters directly on the database, behind the application's back. */
    public int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** The columns of the first row a query returns, read directly from the database. */
    public Object[] queryRow(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), "");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                Object[] row = new Object[result.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = result.getObject(i + 1);
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return this == H2 ? "H2" : "PostgreSQL";
    }
}

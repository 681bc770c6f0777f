package io.mcprospero.schema;

import io.mcprospero.migrations.FlywayMigrations;
import io.mcprospero.migrations.MigrationOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Brings the database schema up to date with Flyway at start-up; the same scripts serve H2 and PostgreSQL. */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:app/jdbc/mcprospero")
    private DataSource dataSource;

    public void migrate() {
        // the scripts are in the persistence jar, which only the application's class loader sees
        MigrationOutcome outcome = FlywayMigrations.migrate(dataSource, SchemaMigrations.class.getClassLoader());
        LOG.info(() -> "database schema at version " + outcome.schemaVersion() + " (" + outcome.migrationsApplied()
                + " migrations applied)");
    }
}

package io.mcprospero.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway, run on the application's data source with the scripts under {@code db/migration} of its class loader. */
public final class FlywayMigrations {

    private FlywayMigrations() {
    }

    /**
     * Brings the schema up to date. {@code scripts} is the class loader that sees the scripts (the application's;
     * this class lives on the server's class path, which does not).
     */
    public static MigrationOutcome migrate(DataSource dataSource, ClassLoader scripts) {
        MigrateResult result = Flyway.configure(scripts)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new MigrationOutcome(result.targetSchemaVersion, result.migrationsExecuted);
    }
}

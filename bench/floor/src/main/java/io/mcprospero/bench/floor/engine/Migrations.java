package io.mcprospero.bench.floor.engine;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway on the application's data source, as the product runs it (no Flyway type in the signature). */
public final class Migrations {

    private Migrations() {
    }

    /** The number of migrations applied. */
    public static int migrate(DataSource dataSource, ClassLoader scripts) {
        return Flyway.configure(scripts).dataSource(dataSource).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
    }
}

package io.mcprospero.bench.floor;

import io.mcprospero.bench.floor.engine.Migrations;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The product's start-up order, reduced to the required parts: schema, first JPA use, workflow engine. For taking the
 * cost apart, {@code FLOOR_WITHOUT} (comma-separated: {@code migrations}, {@code jpa}, {@code engine}) skips parts of
 * it; what deployment itself does (data source, persistence unit, libraries) stays.
 */
@WebListener
public class Startup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:app/jdbc/floor")
    private DataSource dataSource;

    @Inject
    private Notes notes;

    @Inject
    private WorkflowEngine engine;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String skipped = System.getenv().getOrDefault("FLOOR_WITHOUT", "");
        Set<String> without = Set.of(skipped.split(","));
        if (!without.contains("migrations")) {
            int applied = Migrations.migrate(dataSource, Thread.currentThread().getContextClassLoader());
            LOG.info(() -> "floor: " + applied + " migration(s) applied");
        }
        if (!without.contains("jpa") && !without.contains("migrations")) {
            LOG.info(() -> "floor: latest notes " + notes.addAndReadLatest("started"));
        }
        if (without.contains("engine")) {
            engine.skip();
        } else {
            engine.start();
        }
        LOG.info(() -> "floor started" + (skipped.isBlank() ? "" : " without " + skipped));
    }
}

package io.mcprospero.bench.floor;

import io.mcprospero.bench.floor.engine.Migrations;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The product's start-up order, reduced to the required parts: schema, first JPA use, workflow engine. */
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
        int applied = Migrations.migrate(dataSource, Thread.currentThread().getContextClassLoader());
        LOG.info(() -> "floor: " + applied + " migration(s) applied; latest notes " + notes.addAndReadLatest("started"));
        engine.start();
        LOG.info("floor started");
    }
}

package io.mcprospero.web.operations;

import io.mcprospero.runtime.StartupSequence;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Runs the start-up sequence when the web module starts, and stops the workflow engine when it stops. */
@WebListener
public class StartupListener implements ServletContextListener {

    private final StartupSequence sequence;

    @Inject
    public StartupListener(StartupSequence sequence) {
        this.sequence = sequence;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        sequence.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        sequence.stop();
    }
}

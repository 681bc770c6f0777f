package io.mcprospero.web.operations;

import io.mcprospero.runtime.StartupSequence;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the start-up sequence when the web module starts, and stops the workflow engine when it stops. A failed start
 * fails the deployment; on Payara Micro, unless {@code mcprospero.startup.exit-on-failure} is false, the process then
 * exits with status 1. Payara Micro would otherwise stay up with no application, answering 500 to every path,
 * liveness included: a laptop user would see a server that seems to run, and a supervisor (Docker's restart policy,
 * systemd) would see nothing to restart. On a full server (the EAR) the process is not the application's, so it
 * never exits: the failed deployment is the server's to report.
 */
@WebListener
public class StartupListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupListener.class.getName());
    static final int FAILED_START_STATUS = 1;

    private final StartupSequence sequence;
    private final boolean exitOnFailure;

    @Inject
    public StartupListener(StartupSequence sequence,
            @ConfigProperty(name = "mcprospero.startup.exit-on-failure") boolean exitOnFailure) {
        this.sequence = sequence;
        this.exitOnFailure = exitOnFailure;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            sequence.start();
        } catch (RuntimeException e) {
            if (exitOnFailure && isPayaraMicro(event.getServletContext().getServerInfo())) {
                LOG.severe(() -> "MCProspero could not start: " + causes(e) + ". The process exits with status "
                        + FAILED_START_STATUS + " (mcprospero.startup.exit-on-failure=false keeps it running, answering 500).");
                // not on this thread: the deployment holds locks that Payara's shutdown hook takes
                new Thread(() -> System.exit(FAILED_START_STATUS), "mcprospero-exit").start();
            }
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        sequence.stop();
    }

    /** "Payara Micro 6.2025.10 #badassmicrofish ..." on Payara Micro; "Payara Server ..." on the full server. */
    static boolean isPayaraMicro(String serverInfo) {
        return serverInfo != null && serverInfo.contains("Micro");
    }

    /** The messages of the exception and its causes: the first line an operator reads should say what to fix. */
    static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}

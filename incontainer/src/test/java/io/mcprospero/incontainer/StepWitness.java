package io.mcprospero.incontainer;

import io.mcprospero.agents.runs.RunSteps;
import io.mcprospero.observability.LogContext;
import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What a run's steps saw, observed from the inside without replacing anything: a log handler on {@link RunSteps}'s
 * logger, which the container calls on the thread that logs, so on the thread the step ran on. For each line it
 * notes that thread and the context the container gave it (component JNDI, the JTA transaction, CDI's contexts).
 */
final class StepWitness extends Handler {

    /** One line a step logged, with the context it was logged in. */
    record Seen(String message, String runId, String thread, boolean managedThread, boolean componentJndi, boolean inTransaction,
                boolean applicationContext, boolean requestContext) {
    }

    private final Logger logger = Logger.getLogger(RunSteps.class.getName());
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    static StepWitness attach() {
        StepWitness witness = new StepWitness();
        witness.logger.addHandler(witness);
        return witness;
    }

    List<Seen> of(String runId) {
        return seen.stream().filter(line -> runId.equals(line.runId())).toList();
    }

    @Override
    public void publish(LogRecord record) {
        Thread thread = Thread.currentThread();
        seen.add(new Seen(record.getMessage(), LogContext.current().get(LogContext.RUN_ID), thread.getName(),
                thread instanceof ManageableThread, componentJndi(), inTransaction(), active(jakarta.enterprise.context.ApplicationScoped.class),
                active(RequestScoped.class)));
    }

    /** The web module's own naming context, which only threads carrying the application's context resolve. */
    private static boolean componentJndi() {
        try {
            return new InitialContext().lookup("java:app/jdbc/mcprospero") != null;
        } catch (NamingException | RuntimeException none) {
            return false;
        }
    }

    private static boolean inTransaction() {
        try {
            TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
            return registry.getTransactionStatus() == Status.STATUS_ACTIVE;
        } catch (NamingException | RuntimeException none) {
            return false;
        }
    }

    private static boolean active(Class<? extends java.lang.annotation.Annotation> scope) {
        try {
            return CDI.current().getBeanManager().getContext(scope).isActive();
        } catch (ContextNotActiveException | IllegalStateException notThere) {
            return false;
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

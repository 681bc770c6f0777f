package io.mcprospero.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/**
 * The container's managed executors, injectable through constructors: work on their threads runs with the
 * application's context (CDI, JPA, transactions, JNDI), which threads of our own would not have.
 */
@ApplicationScoped
public class Concurrency {

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Produces
    @Typed(ManagedExecutorService.class)
    ManagedExecutorService executor() {
        return executor;
    }

    /** Typed to itself only: a scheduled executor is an executor too, and must not also answer for the plain one. */
    @Produces
    @Typed(ManagedScheduledExecutorService.class)
    ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }
}

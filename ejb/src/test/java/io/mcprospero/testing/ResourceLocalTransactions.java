package io.mcprospero.testing;

import io.mcprospero.support.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * What the container does for beans, done by hand in Java SE: {@link #inOne} runs the work in a resource-local
 * transaction of an entity manager bound to the thread, and {@link #entityManager()} is a thread-safe handle
 * on whichever entity manager the current thread's transaction uses, like the container's injected one.
 */
public final class ResourceLocalTransactions extends Transactions {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager entityManager = factory.createEntityManager();
        current.set(entityManager);
        try {
            entityManager.getTransaction().begin();
            T result = work.get();
            entityManager.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            throw e;
        } finally {
            current.remove();
            entityManager.close();
        }
    }

    public EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, arguments) -> {
                    EntityManager entityManager = current.get();
                    if (entityManager == null) {
                        throw new IllegalStateException("the entity manager was used outside Transactions.inOne");
                    }
                    try {
                        return method.invoke(entityManager, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

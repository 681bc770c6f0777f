package io.mcprospero.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Makes the container-managed persistence context injectable through constructors. */
@ApplicationScoped
public class Jpa {

    @PersistenceContext(unitName = "mcprospero")
    private EntityManager entityManager;

    @Produces
    EntityManager entityManager() {
        return entityManager;
    }
}

package io.mcprospero.support;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/** Makes the container-managed persistence context, and its data source, injectable through constructors. */
@ApplicationScoped
public class Jpa {

    @PersistenceContext(unitName = "mcprospero")
    private EntityManager entityManager;

    @Resource(lookup = "java:app/jdbc/mcprospero")
    private DataSource dataSource;

    @Produces
    EntityManager entityManager() {
        return entityManager;
    }

    /** For the few reads on every request's path that JPA would make several times dearer (bench/README.md). */
    @Produces
    DataSource dataSource() {
        return dataSource;
    }
}

package io.mcprospero.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** One write and one named-query read in JTA transactions: the first JPA use logs EclipseLink's session in. */
@ApplicationScoped
public class Notes {

    @PersistenceContext(unitName = "floor")
    private EntityManager em;

    @Transactional
    public List<String> addAndReadLatest(String text) {
        em.persist(new Note(text, OffsetDateTime.now()));
        em.flush();
        return em.createNamedQuery(Note.LATEST, Note.class).setParameter("now", OffsetDateTime.now()).setMaxResults(5)
                .getResultList().stream().map(Note::text).toList();
    }
}

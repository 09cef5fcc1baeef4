package org.spinepathway.escalation.control;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.escalation.entity.EvaluationRun;

/** The record of evaluation runs. */
@ApplicationScoped
public class EvaluationRunRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public EvaluationRun add(EvaluationRun run) {
        em.persist(run);
        em.flush();
        return run;
    }

    public EvaluationRun find(long id) {
        return em.find(EvaluationRun.class, id);
    }

    public List<EvaluationRun> recent(int first, int max) {
        return em.createNamedQuery(EvaluationRun.RECENT, EvaluationRun.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(r) FROM EvaluationRun r", Long.class).getSingleResult();
    }
}

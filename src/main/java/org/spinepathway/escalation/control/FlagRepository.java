package org.spinepathway.escalation.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;

/** Escalation flags in the database. */
@ApplicationScoped
public class FlagRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public Optional<EscalationFlag> findOpen(long episodeId, FlagRule rule) {
        return em.createNamedQuery(EscalationFlag.FIND_OPEN, EscalationFlag.class)
                .setParameter("episodeId", episodeId).setParameter("rule", rule)
                .getResultStream().findFirst();
    }

    public List<EscalationFlag> ofEpisode(long episodeId) {
        return em.createNamedQuery(EscalationFlag.FIND_BY_EPISODE, EscalationFlag.class).setParameter("episodeId", episodeId).getResultList();
    }

    public EscalationFlag add(EscalationFlag flag) {
        em.persist(flag);
        em.flush();
        return flag;
    }

    /**
     * One page of the physicians' worklist: open URGENT and REVIEW flags, URGENT first, then oldest
     * first. ('URGENT' sorts after 'REVIEW', hence DESC.)
     */
    public List<WorklistRow> worklist(FlagPriority priority, int first, int max) {
        String jpql = "SELECT NEW org.spinepathway.escalation.control.WorklistRow(f.id, f.rule, f.priority, f.status, f.raisedOn,"
                + " f.evidence, e.id, e.region, e.state, p.id, p.mrn, p.givenName, p.familyName)"
                + " FROM EscalationFlag f, EpisodeOfCare e, Patient p"
                + " WHERE f.episodeId = e.id AND e.patientId = p.id AND f.status = org.spinepathway.escalation.entity.FlagStatus.OPEN"
                + (priority == null
                    ? " AND f.priority <> org.spinepathway.escalation.entity.FlagPriority.TASK"
                    : " AND f.priority = :priority")
                + " ORDER BY f.priority DESC, f.raisedAt, f.id";
        var query = em.createQuery(jpql, WorklistRow.class);
        if (priority != null) {
            query.setParameter("priority", priority);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countWorklist(FlagPriority priority) {
        String jpql = "SELECT COUNT(f) FROM EscalationFlag f WHERE f.status = org.spinepathway.escalation.entity.FlagStatus.OPEN"
                + (priority == null ? " AND f.priority <> org.spinepathway.escalation.entity.FlagPriority.TASK" : " AND f.priority = :priority");
        var query = em.createQuery(jpql, Long.class);
        if (priority != null) {
            query.setParameter("priority", priority);
        }
        return query.getSingleResult();
    }
}

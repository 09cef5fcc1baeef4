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
}

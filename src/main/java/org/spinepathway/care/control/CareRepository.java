package org.spinepathway.care.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.TreatmentPlan;

/** Plans, interventions and assessments in the database. */
@ApplicationScoped
public class CareRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public Optional<TreatmentPlan> planOf(long episodeId) {
        return em.createNamedQuery(TreatmentPlan.FIND_BY_EPISODE, TreatmentPlan.class).setParameter("episodeId", episodeId)
                .getResultStream().findFirst();
    }

    public List<Intervention> interventionsOf(long planId) {
        return em.createNamedQuery(Intervention.FIND_BY_PLAN, Intervention.class).setParameter("planId", planId).getResultList();
    }

    public List<Assessment> assessmentsOf(long episodeId) {
        return em.createNamedQuery(Assessment.FIND_BY_EPISODE, Assessment.class).setParameter("episodeId", episodeId).getResultList();
    }

    /** Every intervention of the plan, voided ones too (an export tells receivers which are void). */
    public List<Intervention> allInterventionsOf(long planId) {
        return em.createQuery("SELECT i FROM Intervention i WHERE i.planId = :planId ORDER BY i.startDate, i.id", Intervention.class)
                .setParameter("planId", planId).getResultList();
    }

    /** Every assessment of the episode, voided ones too, oldest first. */
    public List<Assessment> allAssessmentsOf(long episodeId) {
        return em.createQuery("SELECT a FROM Assessment a WHERE a.episodeId = :episodeId ORDER BY a.assessedOn, a.id", Assessment.class)
                .setParameter("episodeId", episodeId).getResultList();
    }

    /** Every clinician motor grade of the episode, for the MOTOR_DECLINE rule. */
    public List<Object[]> clinicianGradesOf(long episodeId) {
        return em.createQuery("SELECT a.id, a.assessedOn, m.myotome, m.side, m.grade FROM Assessment a JOIN a.motor m"
                        + " WHERE a.episodeId = :episodeId AND a.voidedAt IS NULL AND a.source = 'CLINICIAN'", Object[].class)
                .setParameter("episodeId", episodeId).getResultList();
    }

    public Optional<Intervention> intervention(long id) {
        return Optional.ofNullable(em.find(Intervention.class, id)).filter(i -> !i.isVoided());
    }

    public Optional<Assessment> assessment(long id) {
        return Optional.ofNullable(em.find(Assessment.class, id));
    }

    /** Writes pending changes now, so a concurrent edit fails here (optimistic lock), inside the caller's handling. */
    public void flush() {
        em.flush();
    }

    public <T> T add(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }
}

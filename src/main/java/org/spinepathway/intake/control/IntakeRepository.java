package org.spinepathway.intake.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeStatus;

/** Intakes in the database. */
@ApplicationScoped
public class IntakeRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public Optional<Intake> find(long id) {
        return Optional.ofNullable(em.find(Intake.class, id)).filter(i -> !i.isVoided());
    }

    public Optional<Intake> findByStatus(long episodeId, IntakeStatus status) {
        return em.createNamedQuery(Intake.FIND_BY_EPISODE_AND_STATUS, Intake.class)
                .setParameter("episodeId", episodeId).setParameter("status", status)
                .getResultStream().findFirst();
    }

    public int nextVersion(long episodeId) {
        Integer latest = em.createNamedQuery(Intake.LATEST_VERSION, Integer.class).setParameter("episodeId", episodeId).getSingleResult();
        return latest == null ? 1 : latest + 1;
    }

    public Intake add(Intake intake) {
        em.persist(intake);
        em.flush();
        return intake;
    }

    /** Writes pending changes now, so that the database's constraints see them in order. */
    public void flush() {
        em.flush();
    }

    public long countQueue() {
        return em.createNamedQuery(Intake.COUNT_QUEUE, Long.class).getSingleResult();
    }

    /** The physiotherapists' queue: current submissions, red flags on top, newest first; one query with the patient. */
    public List<QueueRow> queue(int first, int max) {
        return em.createQuery("SELECT NEW org.spinepathway.intake.control.QueueRow(i.id, i.episodeId, i.submittedAt, i.redFlags,"
                        + " i.painNow, i.disabilityInstrument, i.disabilityScore, e.region, e.side, p.id, p.mrn, p.givenName, p.familyName)"
                        + " FROM Intake i, EpisodeOfCare e, Patient p"
                        + " WHERE i.episodeId = e.id AND e.patientId = p.id AND i.voidedAt IS NULL"
                        + " AND i.status = org.spinepathway.intake.entity.IntakeStatus.SUBMITTED"
                        + " ORDER BY CASE WHEN i.redFlags = '' THEN 1 ELSE 0 END, i.submittedAt DESC, i.id DESC", QueueRow.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }
}

package org.spinepathway.care.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.care.entity.EpisodeOfCare;

/** Episodes of care in the database. */
@ApplicationScoped
public class EpisodeRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public EpisodeOfCare add(EpisodeOfCare episode) {
        em.persist(episode);
        em.flush();
        return episode;
    }

    public Optional<EpisodeOfCare> find(long id) {
        return Optional.ofNullable(em.find(EpisodeOfCare.class, id)).filter(e -> !e.isVoided());
    }

    /** The episode, locked until the transaction ends: submissions on one episode go one at a time. */
    public Optional<EpisodeOfCare> findForUpdate(long id) {
        return Optional.ofNullable(em.find(EpisodeOfCare.class, id, LockModeType.PESSIMISTIC_WRITE)).filter(e -> !e.isVoided());
    }

    public List<EpisodeOfCare> ofPatient(long patientId) {
        return em.createNamedQuery(EpisodeOfCare.FIND_BY_PATIENT, EpisodeOfCare.class).setParameter("patientId", patientId).getResultList();
    }
}

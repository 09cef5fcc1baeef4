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

    /** The submitted intake's pain now and ODI/NDI, the baseline of care; empty until an intake is submitted. */
    public Optional<EpisodeOfCare.Baseline> baselineFromIntake(long episodeId) {
        List<?> rows = em.createNativeQuery("SELECT id, pain_now, disability_instrument, disability_score FROM intake"
                        + " WHERE episode_id = ? AND status = 'SUBMITTED' AND voided_at IS NULL")
                .setParameter(1, episodeId).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new EpisodeOfCare.Baseline(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).intValue(),
                    (String) row[2], row[3] == null ? null : new java.math.BigDecimal(row[3].toString()));
        });
    }

    public List<EpisodeOfCare> ofPatient(long patientId) {
        return em.createNamedQuery(EpisodeOfCare.FIND_BY_PATIENT, EpisodeOfCare.class).setParameter("patientId", patientId).getResultList();
    }
}

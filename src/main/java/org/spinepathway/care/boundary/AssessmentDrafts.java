package org.spinepathway.care.boundary;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

/**
 * The visit or check-in the signed-in user is filling in for an episode, kept in the database as
 * it is typed, so that neither a session timeout nor a closed tab loses a patient's answers.
 */
@ApplicationScoped
@Transactional
public class AssessmentDrafts {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    EpisodeService episodes;

    @Inject
    SecurityContext securityContext;

    /** Saves the caller's draft for the episode (the JSON of the form), replacing the previous one. */
    public void save(long episodeId, String answersJson) {
        episodes.require(episodeId);
        em.createNativeQuery("INSERT INTO assessment_draft (episode_id, author, answers) VALUES (?, ?, ?)"
                        + " ON CONFLICT (episode_id, author) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()")
                .setParameter(1, episodeId).setParameter(2, author()).setParameter(3, answersJson).executeUpdate();
    }

    public Optional<String> find(long episodeId) {
        episodes.require(episodeId);
        List<?> rows = em.createNativeQuery("SELECT answers FROM assessment_draft WHERE episode_id = ? AND author = ?")
                .setParameter(1, episodeId).setParameter(2, author()).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** The assessment was recorded (or the user threw the draft away). */
    public void discard(long episodeId) {
        em.createNativeQuery("DELETE FROM assessment_draft WHERE episode_id = ? AND author = ?")
                .setParameter(1, episodeId).setParameter(2, author()).executeUpdate();
    }

    private String author() {
        return securityContext.getCallerPrincipal().getName();
    }
}

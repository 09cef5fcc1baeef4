package org.spinepathway.care.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.boundary.EscalationService;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/**
 * The visit or check-in the signed-in user is filling in for an episode, kept in the database as
 * it is typed, so that neither a session timeout nor a closed tab loses a patient's answers. A
 * patient's red-flag "yes" raises its URGENT flag as soon as it is saved, not when the check-in is
 * sent: a patient who closes the page after answering is still seen.
 */
@ApplicationScoped
@Transactional
public class AssessmentDrafts {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    Acting acting;

    @Inject
    EpisodeService episodes;

    @Inject
    EscalationService escalation;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    /** The red flags a draft raised a flag for already, and when the newest of them was saved. */
    public record RaisedRedFlags(List<String> codes, OffsetDateTime recordedAt) {
        static final RaisedRedFlags NONE = new RaisedRedFlags(List.of(), null);
    }

    /**
     * Saves the caller's draft for the episode (the JSON of the form), replacing the previous one.
     * For a patient's check-in, the red flags answered "yes" ({@code redFlagsYes}, codes) that this
     * draft has not raised a flag for yet raise one now, in this transaction, as a recorded check-in
     * would; the flag is returned.
     */
    public Optional<EscalationFlag> save(long episodeId, String answersJson, List<String> redFlagsYes) {
        EpisodeOfCare episode = episodes.require(episodeId);
        em.createNativeQuery("INSERT INTO assessment_draft (episode_id, author, answers) VALUES (?, ?, ?)"
                        + " ON CONFLICT (episode_id, author) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()")
                .setParameter(1, episodeId).setParameter(2, author()).setParameter(3, answersJson).executeUpdate();
        if (redFlagsYes.isEmpty() || !securityContext.isCallerInRole(Role.PATIENT_NAME)) {
            return Optional.empty();
        }
        episode = episodes.requireForUpdate(episodeId);
        List<String> flagged = raised(episodeId).codes();
        List<RedFlag> fresh = Arrays.stream(RedFlag.values())
                .filter(f -> redFlagsYes.contains(f.code()) && !flagged.contains(f.code())).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(flagged);
        fresh.forEach(f -> all.add(f.code()));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.createNativeQuery("UPDATE assessment_draft SET red_flags_flagged = ?, red_flags_recorded_at = ? WHERE episode_id = ? AND author = ?")
                .setParameter(1, String.join(",", all)).setParameter(2, now).setParameter(3, episodeId).setParameter(4, author())
                .executeUpdate();
        JsonArrayBuilder codes = JSON.createArrayBuilder();
        JsonArrayBuilder questions = JSON.createArrayBuilder();
        fresh.forEach(f -> {
            codes.add(f.code());
            questions.add(f.question());
        });
        audit.record(AuditAction.UPDATE, episode.getPatientId(), "AssessmentDraft", episodeId,
                "red flags answered yes in the check-in being filled in: " + String.join(", ", fresh.stream().map(RedFlag::words).toList()));
        return Optional.of(escalation.raise(episode, FlagRule.RED_FLAG, JSON.createObjectBuilder()
                .add("source", "check-in").add("recordedOn", LocalDate.now(clock).toString()).add("redFlags", codes)
                .add("questions", questions).add("emergency", fresh.stream().anyMatch(RedFlag::isEmergency))
                .add("beforeSubmission", true).build()));
    }

    public Optional<String> find(long episodeId) {
        episodes.require(episodeId);
        List<?> rows = em.createNativeQuery("SELECT answers FROM assessment_draft WHERE episode_id = ? AND author = ?")
                .setParameter(1, episodeId).setParameter(2, author()).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** What the caller's draft for the episode raised already; nothing when there is no draft. */
    public RaisedRedFlags raised(long episodeId) {
        List<?> rows = em.createNativeQuery("SELECT red_flags_flagged, red_flags_recorded_at FROM assessment_draft"
                        + " WHERE episode_id = ? AND author = ?")
                .setParameter(1, episodeId).setParameter(2, author()).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] c = (Object[]) r;
            String codes = (String) c[0];
            return new RaisedRedFlags(codes.isEmpty() ? List.of() : List.of(codes.split(",")), toOffset(c[1]));
        }).orElse(RaisedRedFlags.NONE);
    }

    /** The assessment was recorded (or the user threw the draft away). */
    public void discard(long episodeId) {
        em.createNativeQuery("DELETE FROM assessment_draft WHERE episode_id = ? AND author = ?")
                .setParameter(1, episodeId).setParameter(2, author()).executeUpdate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    private String author() {
        return acting.name();
    }
}

package org.spinepathway.followup.boundary;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.followup.control.LinkTokens;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.boundary.TaskLinks;
import org.spinepathway.security.entity.AuditAction;

/**
 * The links in follow-up e-mails. An ANSWER link opens its check-in without a password (a session
 * for that page only, see {@link TaskLinks}) until the check-in is answered, however that happens,
 * or its window closes: it records one check-in. A STOP link stops the patient's follow-up e-mails,
 * in one click; the patient can start them again on their home page.
 */
@ApplicationScoped
@Transactional
public class FollowUpLinks implements TaskLinks {

    /** The page a STOP link opens. */
    public static final String STOP_PAGE = "/follow-up-stop.xhtml";
    /** Where a mail program's one-click "unsubscribe" posts the STOP token (RFC 8058). */
    public static final String ONE_CLICK_STOP = "/follow-up/stop";

    /** The check-in an ANSWER link's session is for, as its page shows it: the patient's first name and nothing else of theirs. */
    public record Task(long invitationId, long episodeId, String givenName, String words, boolean outcome, LocalDate closes,
                       boolean answered, boolean expired) {
    }

    /** What a STOP link did. */
    public enum Stopped {
        STOPPED,
        STARTED_AGAIN,
        NOT_VALID
    }

    private static final String ELIGIBLE = "e.voided_at IS NULL AND p.voided_at IS NULL AND p.deceased_on IS NULL AND ua.enabled";
    /** The states with weekly check-ins. */
    static final String IN_CARE = "('CONSERVATIVE_CARE', 'UNDER_REVIEW')";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    CheckInSchedule schedule;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Opening open(String token) {
        String hash = LinkTokens.sha256(token);
        if (hash == null) {
            return Opening.refused(Refusal.UNKNOWN, null);
        }
        List<?> rows = em.createNativeQuery("SELECT fi.id, ua.username, l.expires_at > ? AS live, " + answered("fi") + " AS answered, "
                        + ELIGIBLE + " AS eligible, l.used_at IS NOT NULL AS replaced, (fi.outcome OR e.state IN " + IN_CARE + ") AS followed"
                        + " FROM follow_up_link l JOIN follow_up_invitation fi ON fi.id = l.invitation_id"
                        + " JOIN episode_of_care e ON e.id = fi.episode_id JOIN patient p ON p.id = e.patient_id"
                        + " JOIN user_account ua ON ua.id = p.account_id WHERE l.token_sha256 = ? AND l.purpose = 'ANSWER'")
                .setParameter(1, now()).setParameter(2, hash).getResultList();
        if (rows.isEmpty()) {
            return Opening.refused(Refusal.UNKNOWN, null);
        }
        Object[] row = (Object[]) rows.get(0);
        String username = (String) row[1];
        if (!Boolean.TRUE.equals(row[4])) {
            return Opening.refused(Refusal.UNKNOWN, username);
        }
        if (Boolean.TRUE.equals(row[3])) {
            return Opening.refused(Refusal.DONE, username);
        }
        if (!Boolean.TRUE.equals(row[2]) || !Boolean.TRUE.equals(row[6])) {
            // Its window has closed, or (a weekly check-in) its episode has left conservative care.
            return Opening.refused(Refusal.EXPIRED, username);
        }
        if (Boolean.TRUE.equals(row[5])) {
            return Opening.refused(Refusal.REPLACED, username);
        }
        return new Opening(username, ((Number) row[0]).longValue(), null);
    }

    /** The check-in of a task link's session, as it is now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Task> task(long invitationId) {
        List<?> rows = em.createNativeQuery("SELECT fi.id, fi.episode_id, p.given_name, fi.time_point, fi.outcome, fi.window_closes, "
                        + answered("fi") + " FROM follow_up_invitation fi JOIN episode_of_care e ON e.id = fi.episode_id"
                        + " JOIN patient p ON p.id = e.patient_id WHERE fi.id = ?")
                .setParameter(1, invitationId).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] c = (Object[]) r;
            LocalDate closes = toDate(c[5]);
            return new Task(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), (String) c[2], schedule.schedule().words((String) c[3]),
                    Boolean.TRUE.equals(c[4]), closes, Boolean.TRUE.equals(c[6]), LocalDate.now(clock).isAfter(closes));
        });
    }

    /** Whether the STOP link's patient has stopped their follow-up e-mails; empty when the link does not work. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Boolean> stopped(String token) {
        return stopTarget(token, false).map(row -> row[2] != null);
    }

    /** Stops the follow-up e-mails of the STOP link's patient (again: nothing changes), or starts them again. */
    public Stopped stop(String token, boolean stop) {
        Optional<Object[]> target = stopTarget(token, true);
        if (target.isEmpty()) {
            return Stopped.NOT_VALID;
        }
        long patientId = ((Number) target.get()[0]).longValue();
        int changed = stop
                ? em.createNativeQuery("UPDATE patient SET follow_up_stopped_at = ? WHERE id = ? AND follow_up_stopped_at IS NULL")
                        .setParameter(1, now()).setParameter(2, patientId).executeUpdate()
                : em.createNativeQuery("UPDATE patient SET follow_up_stopped_at = NULL WHERE id = ? AND follow_up_stopped_at IS NOT NULL")
                        .setParameter(1, patientId).executeUpdate();
        if (changed > 0) {
            audit.recordSignIn(AuditAction.UPDATE, (String) target.get()[1], stop
                    ? "follow-up e-mails stopped through the link in a follow-up e-mail"
                    : "follow-up e-mails started again through the link in a follow-up e-mail");
        }
        return stop ? Stopped.STOPPED : Stopped.STARTED_AGAIN;
    }

    /** The STOP link's patient: id, username, when they stopped (or null); locked for a change when {@code lock}. */
    private Optional<Object[]> stopTarget(String token, boolean lock) {
        String hash = LinkTokens.sha256(token);
        if (hash == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT p.id, ua.username, p.follow_up_stopped_at FROM follow_up_link l"
                        + " JOIN follow_up_invitation fi ON fi.id = l.invitation_id JOIN episode_of_care e ON e.id = fi.episode_id"
                        + " JOIN patient p ON p.id = e.patient_id JOIN user_account ua ON ua.id = p.account_id"
                        + " WHERE l.token_sha256 = ? AND l.purpose = 'STOP' AND l.expires_at > ?" + (lock ? " FOR UPDATE OF p" : ""))
                .setParameter(1, hash).setParameter(2, now()).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** SQL: whether the invitation's check-in is answered, by any assessment (not voided) dated inside its window. */
    static String answered(String invitation) {
        return "EXISTS (SELECT 1 FROM assessment a WHERE a.episode_id = " + invitation + ".episode_id AND a.voided_at IS NULL"
                + " AND a.assessed_on BETWEEN " + invitation + ".window_opens AND " + invitation + ".window_closes)";
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

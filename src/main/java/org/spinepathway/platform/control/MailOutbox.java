package org.spinepathway.platform.control;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Email waiting to be sent ({@code mail_outbox}). Messages are queued in the transaction of the
 * change they report, so they exist exactly when the change does, and are sent afterwards.
 */
@ApplicationScoped
public class MailOutbox {

    /** A message due for sending. */
    /** {@code listUnsubscribe}: the address a mail program's one-click "unsubscribe" posts to (RFC 8058), or null. */
    public record Message(long id, String recipient, String subject, String body, int attempts, String listUnsubscribe) {
    }

    /**
     * A link's token parameter and value, as a PostgreSQL pattern: {@code token=} or {@code t=} at a
     * word's start, 20 or more URL-safe characters. Escape-string literals, so the backslashes mean
     * the same whatever {@code standard_conforming_strings} is.
     */
    private static final String LINK_TOKEN = "E'\\\\m(token|t)=[A-Za-z0-9_-]{20,}'";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public void queue(String recipient, String subject, String body, long flagId) {
        em.createNativeQuery("INSERT INTO mail_outbox (recipient, subject, body, flag_id) VALUES (?, ?, ?, ?)")
                .setParameter(1, recipient).setParameter(2, subject).setParameter(3, body).setParameter(4, flagId).executeUpdate();
    }

    /** A message about no flag (to a patient about their account, for example). */
    public void queue(String recipient, String subject, String body) {
        em.createNativeQuery("INSERT INTO mail_outbox (recipient, subject, body) VALUES (?, ?, ?)")
                .setParameter(1, recipient).setParameter(2, subject).setParameter(3, body).executeUpdate();
    }

    /**
     * Claims up to {@code max} messages due now for sending, and commits at once: each is due again
     * only {@code leaseSeconds} later, should its sender stop before it records the outcome, so a
     * second instance polling meanwhile skips it, and no row stays locked while a mail server is
     * talked to.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Message> claimDue(int max, int leaseSeconds) {
        List<?> rows = em.createNativeQuery("UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => ?)"
                        + " WHERE id IN (SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= now()"
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, recipient, subject, body, attempts, list_unsubscribe")
                .setParameter(1, leaseSeconds).setParameter(2, max).getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new Message(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], ((Number) c[4]).intValue(),
                    (String) c[5]);
        }).sorted(Comparator.comparingLong(Message::id)).toList();
    }

    /**
     * The server took the message. The single-use links it carried ({@code ?token=}, {@code ?t=}) are
     * then blanked in the stored copy: the database keeps a link's token only as its hash, and an
     * outbox row kept for the record must not open anything.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(long id) {
        em.createNativeQuery("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL,"
                        + " body = regexp_replace(body, " + LINK_TOKEN + ", E'\\\\1=(sent)', 'g'),"
                        + " list_unsubscribe = regexp_replace(list_unsubscribe, " + LINK_TOKEN + ", E'\\\\1=(sent)', 'g')"
                        + " WHERE id = ?")
                .setParameter(1, id).executeUpdate();
    }

    /** The server refused or was unreachable: try again later, waiting longer each time (at most an hour). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(long id, int attempts, String error, OffsetDateTime retryAt) {
        em.createNativeQuery("UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .setParameter(1, attempts + 1).setParameter(2, error == null ? "unknown" : error.substring(0, Math.min(1000, error.length())))
                .setParameter(3, retryAt).setParameter(4, id).executeUpdate();
    }

    /** base, 2 × base, 4 × base ... at most an hour. */
    public static long retryDelaySeconds(int attemptsSoFar, int baseSeconds) {
        return Math.min(3600, (long) baseSeconds << Math.min(attemptsSoFar, 12));
    }
}

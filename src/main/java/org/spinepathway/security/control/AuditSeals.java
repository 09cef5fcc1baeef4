package org.spinepathway.security.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The audit trail's seals in the database ({@code audit_seal}, see {@link AuditChain}): appended in
 * order by one sealer at a time, and walked again to check them. Joins the caller's transaction.
 */
@ApplicationScoped
public class AuditSeals {

    /** The advisory lock the sealer holds for its transaction: one instance seals at a time. */
    static final long LOCK_KEY = 0x5EA1_0A0D_17L;
    /**
     * How far behind the newest sealed event the sealer looks for events not sealed yet: an event
     * whose transaction committed after later ones were sealed is sealed then, at the chain's end.
     */
    static final long LATE_COMMIT_WINDOW = 10_000;

    private static final String EVENT_COLUMNS =
            "e.id, e.occurred_at, e.username, e.action, e.patient_id, e.record_type, e.record_id, e.detail, e.client_address";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    /** The last seal made, or none. */
    public record Last(long seq, long eventId, String chain) {
    }

    /** A seal and the event it covers, as now stored (event null when the row is gone). */
    public record Stored(long seq, String chain, AuditChain.Sealed event) {
    }

    /** Takes the sealer's lock for this transaction, unless another instance holds it. */
    public boolean tryLock() {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?)").setParameter(1, LOCK_KEY).getSingleResult());
    }

    public Optional<Last> last() {
        List<?> rows = em.createNativeQuery("SELECT seq, event_id, chain_sha256 FROM audit_seal ORDER BY seq DESC LIMIT 1").getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new Last(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]));
    }

    /** Up to {@code max} events without a seal, oldest id first, among those after {@code newestSealed} less the window. */
    public List<AuditChain.Sealed> unsealed(long newestSealed, int max) {
        List<?> rows = em.createNativeQuery("SELECT " + EVENT_COLUMNS + " FROM audit_event e WHERE e.id > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id) ORDER BY e.id LIMIT ?")
                .setParameter(1, newestSealed - LATE_COMMIT_WINDOW).setParameter(2, max).getResultList();
        return rows.stream().map(r -> event((Object[]) r, 0)).toList();
    }

    public void append(long seq, long eventId, String chain) {
        em.createNativeQuery("INSERT INTO audit_seal (seq, event_id, chain_sha256) VALUES (?, ?, ?)")
                .setParameter(1, seq).setParameter(2, eventId).setParameter(3, chain).executeUpdate();
    }

    /** Up to {@code max} seals after {@code afterSeq}, in order, each with its event as stored now. */
    public List<Stored> sealsAfter(long afterSeq, int max) {
        List<?> rows = em.createNativeQuery("SELECT s.seq, s.chain_sha256, " + EVENT_COLUMNS
                        + " FROM audit_seal s LEFT JOIN audit_event e ON e.id = s.event_id WHERE s.seq > ? ORDER BY s.seq LIMIT ?")
                .setParameter(1, afterSeq).setParameter(2, max).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Stored(((Number) r[0]).longValue(), ((String) r[1]).strip(), r[2] == null ? null : event(r, 2))).toList();
    }

    public long countUnsealed() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_event e WHERE NOT EXISTS"
                + " (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)").getSingleResult()).longValue();
    }

    private static AuditChain.Sealed event(Object[] r, int at) {
        return new AuditChain.Sealed(((Number) r[at]).longValue(), instant(r[at + 1]), (String) r[at + 2], (String) r[at + 3],
                r[at + 4] == null ? null : ((Number) r[at + 4]).longValue(), (String) r[at + 5],
                r[at + 6] == null ? null : ((Number) r[at + 6]).longValue(), (String) r[at + 7], (String) r[at + 8]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}

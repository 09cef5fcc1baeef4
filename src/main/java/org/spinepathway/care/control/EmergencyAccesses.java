package org.spinepathway.care.control;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.care.entity.EmergencyAccess;

/** The emergency accesses ("break-glass") to episodes: opened, looked up, listed newest first. */
@ApplicationScoped
public class EmergencyAccesses {

    /** One emergency access as the administrator reads it: who, to whose record, why, when, until when. */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final OffsetDateTime grantedAt;
        private final String username;
        private final String staffName;
        private final String patientName;
        private final String mrn;
        private final long episodeId;
        private final String reason;
        private final OffsetDateTime expiresAt;
        private final long id;

        Row(Object[] columns) {
            id = ((Number) columns[8]).longValue();
            grantedAt = ((java.sql.Timestamp) columns[0]).toInstant().atOffset(ZoneOffset.UTC);
            username = (String) columns[1];
            staffName = (String) columns[2];
            patientName = (String) columns[3];
            mrn = (String) columns[4];
            episodeId = ((Number) columns[5]).longValue();
            reason = (String) columns[6];
            expiresAt = ((java.sql.Timestamp) columns[7]).toInstant().atOffset(ZoneOffset.UTC);
        }

        public long getId() {
            return id;
        }

        public OffsetDateTime getGrantedAt() {
            return grantedAt;
        }

        public String getUsername() {
            return username;
        }

        public String getStaffName() {
            return staffName;
        }

        public String getPatientName() {
            return patientName;
        }

        public String getMrn() {
            return mrn;
        }

        public long getEpisodeId() {
            return episodeId;
        }

        public String getReason() {
            return reason;
        }

        public OffsetDateTime getExpiresAt() {
            return expiresAt;
        }
    }

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public EmergencyAccess open(EmergencyAccess access) {
        em.persist(access);
        return access;
    }

    /** Whether {@code username} holds emergency access to the episode that has not expired at {@code now}. */
    public boolean isOpen(long episodeId, String username, Instant now) {
        return em.createNamedQuery(EmergencyAccess.COUNT_ACTIVE, Long.class)
                .setParameter("episode", episodeId)
                .setParameter("username", username)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getSingleResult() > 0;
    }

    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM emergency_access").getSingleResult()).longValue();
    }

    /** A page of the list, newest first, with the staff member's and the patient's names. */
    @SuppressWarnings("unchecked")
    public List<Row> page(int first, int max) {
        List<Object[]> rows = em.createNativeQuery("SELECT a.granted_at, a.username, u.display_name,"
                        + " p.given_name || ' ' || p.family_name, p.mrn, a.episode_id, a.reason, a.expires_at, a.id"
                        + " FROM emergency_access a JOIN patient p ON p.id = a.patient_id"
                        + " LEFT JOIN user_account u ON u.username = a.username"
                        + " ORDER BY a.granted_at DESC, a.id DESC OFFSET ?1 LIMIT ?2")
                .setParameter(1, first)
                .setParameter(2, max)
                .getResultList();
        return rows.stream().map(Row::new).toList();
    }
}

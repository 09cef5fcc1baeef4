package org.spinepathway.care.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * "Break-glass": a physiotherapist outside an episode's care team was let change it for a while,
 * for the reason they gave. Only ever added; the administrator reads the list.
 */
@Entity
@Table(name = "emergency_access")
@NamedQuery(name = EmergencyAccess.COUNT_ACTIVE,
        query = "SELECT COUNT(a) FROM EmergencyAccess a WHERE a.episodeId = :episode AND a.username = :username AND a.expiresAt > :now")
public class EmergencyAccess {

    public static final String COUNT_ACTIVE = "EmergencyAccess.countActive";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false)
    private long episodeId;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "username", nullable = false, length = 254)
    private String username;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected EmergencyAccess() {
        // for JPA
    }

    public EmergencyAccess(long episodeId, long patientId, String username, String reason, Instant grantedAt, Instant expiresAt) {
        this.episodeId = episodeId;
        this.patientId = patientId;
        this.username = username;
        this.reason = reason;
        this.grantedAt = grantedAt.atOffset(ZoneOffset.UTC);
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public long getEpisodeId() {
        return episodeId;
    }

    public String getUsername() {
        return username;
    }

    public String getReason() {
        return reason;
    }

    public OffsetDateTime getGrantedAt() {
        return grantedAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}

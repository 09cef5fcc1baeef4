package org.spinepathway.escalation.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.VoidableEntity;

/**
 * One attempt of the care team to reach the patient of an URGENT flag: who ({@code created_by}),
 * when, how, and what was said. The physician's decision on the flag is a separate act.
 */
@Entity
@Table(name = "flag_acknowledgement")
@NamedQuery(name = FlagAcknowledgement.OF_FLAG,
        query = "SELECT a FROM FlagAcknowledgement a WHERE a.flagId = :flagId AND a.voidedAt IS NULL ORDER BY a.contactedAt, a.id")
@NamedQuery(name = FlagAcknowledgement.OF_EPISODE,
        query = "SELECT a FROM FlagAcknowledgement a, EscalationFlag f WHERE a.flagId = f.id AND f.episodeId = :episodeId"
                + " AND a.voidedAt IS NULL ORDER BY a.contactedAt, a.id")
public class FlagAcknowledgement extends VoidableEntity {

    public static final String OF_FLAG = "FlagAcknowledgement.ofFlag";
    /** Every contact about the URGENT flags of an episode, oldest first. */
    public static final String OF_EPISODE = "FlagAcknowledgement.ofEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_id", nullable = false, updatable = false)
    private Long flagId;

    @Column(name = "contacted_at", nullable = false, updatable = false)
    private OffsetDateTime contactedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false, length = 10)
    private ContactMethod method;

    @Column(name = "note", updatable = false, length = 2000)
    private String note;

    protected FlagAcknowledgement() {
        // for JPA
    }

    public FlagAcknowledgement(long flagId, OffsetDateTime contactedAt, ContactMethod method, String note) {
        this.flagId = flagId;
        this.contactedAt = contactedAt;
        this.method = method;
        this.note = note;
    }

    public Long getId() { return id; }
    public Long getFlagId() { return flagId; }
    public OffsetDateTime getContactedAt() { return contactedAt; }
    public ContactMethod getMethod() { return method; }
    public String getNote() { return note; }
}

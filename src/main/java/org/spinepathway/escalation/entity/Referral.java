package org.spinepathway.escalation.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.VoidableEntity;

/** A physician's referral of an episode for a surgical opinion, with the letter as issued. */
@Entity
@Table(name = "referral")
@NamedQuery(name = Referral.FIND_BY_FLAG, query = "SELECT r FROM Referral r WHERE r.flagId = :flagId AND r.voidedAt IS NULL")
@NamedQuery(name = Referral.FIND_BY_EPISODE, query = "SELECT r FROM Referral r WHERE r.episodeId = :episodeId AND r.voidedAt IS NULL ORDER BY r.id DESC")
public class Referral extends VoidableEntity {

    public static final String FIND_BY_FLAG = "Referral.findByFlag";
    public static final String FIND_BY_EPISODE = "Referral.findByEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false, updatable = false)
    private Long episodeId;

    @Column(name = "flag_id", nullable = false, updatable = false)
    private Long flagId;

    @Column(name = "note", nullable = false, length = 2000)
    private String note;

    @Column(name = "addressee", length = 300, updatable = false)
    private String addressee;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "letter_pdf", nullable = false, updatable = false)
    private byte[] letterPdf;

    protected Referral() {
        // for JPA
    }

    public Referral(long episodeId, long flagId, String note, String addressee, byte[] letterPdf) {
        this.episodeId = episodeId;
        this.flagId = flagId;
        this.note = note;
        this.addressee = addressee;
        this.letterPdf = letterPdf.clone();
    }

    public Long getId() { return id; }
    public Long getEpisodeId() { return episodeId; }
    public Long getFlagId() { return flagId; }
    public String getNote() { return note; }
    public String getAddressee() { return addressee; }
    public byte[] getLetterPdf() { return letterPdf.clone(); }
}

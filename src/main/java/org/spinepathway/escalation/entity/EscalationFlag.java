package org.spinepathway.escalation.entity;

import java.time.LocalDate;
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

import org.spinepathway.platform.entity.AuditedEntity;

/** A rule's finding on an episode, with the evidence it saw, waiting for (or carrying) a decision. */
@Entity
@Table(name = "escalation_flag")
@NamedQuery(name = EscalationFlag.FIND_OPEN,
        query = "SELECT f FROM EscalationFlag f WHERE f.episodeId = :episodeId AND f.rule = :rule AND f.status = org.spinepathway.escalation.entity.FlagStatus.OPEN")
@NamedQuery(name = EscalationFlag.FIND_BY_EPISODE,
        query = "SELECT f FROM EscalationFlag f WHERE f.episodeId = :episodeId ORDER BY f.raisedAt DESC, f.id DESC")
public class EscalationFlag extends AuditedEntity {

    public static final String FIND_OPEN = "EscalationFlag.findOpen";
    public static final String FIND_BY_EPISODE = "EscalationFlag.findByEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false, updatable = false)
    private Long episodeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule", nullable = false, updatable = false, length = 32)
    private FlagRule rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, updatable = false, length = 8)
    private FlagPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private FlagStatus status = FlagStatus.OPEN;

    @Column(name = "raised_on", nullable = false, updatable = false)
    private LocalDate raisedOn;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private OffsetDateTime raisedAt;

    @Column(name = "rule_version", nullable = false, updatable = false, length = 16)
    private String ruleVersion;

    @Column(name = "evidence", nullable = false, updatable = false)
    private String evidence;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decision_reason", length = 2000)
    private String decisionReason;

    @Column(name = "recheck_on")
    private LocalDate recheckOn;

    protected EscalationFlag() {
        // for JPA
    }

    public EscalationFlag(long episodeId, FlagRule rule, LocalDate raisedOn, OffsetDateTime raisedAt, String evidenceJson) {
        this.episodeId = episodeId;
        this.rule = rule;
        this.priority = rule.priority();
        this.raisedOn = raisedOn;
        this.raisedAt = raisedAt;
        this.ruleVersion = FlagRule.VERSION;
        this.evidence = evidenceJson;
    }

    /** A physician's decision (or a physiotherapist closing a TASK): the flag leaves the open list, with who, when and why. */
    public void decide(FlagStatus outcome, String by, OffsetDateTime at, String reason, LocalDate recheckOn) {
        if (status != FlagStatus.OPEN) {
            throw new IllegalStateException("flag " + id + " is " + status + " already");
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
        this.recheckOn = recheckOn;
    }

    public Long getId() { return id; }
    public Long getEpisodeId() { return episodeId; }
    public FlagRule getRule() { return rule; }
    public FlagPriority getPriority() { return priority; }
    public FlagStatus getStatus() { return status; }
    public LocalDate getRaisedOn() { return raisedOn; }
    public OffsetDateTime getRaisedAt() { return raisedAt; }
    public String getRuleVersion() { return ruleVersion; }
    public String getEvidence() { return evidence; }
    public String getDecidedBy() { return decidedBy; }
    public OffsetDateTime getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public LocalDate getRecheckOn() { return recheckOn; }
}

package org.spinepathway.escalation.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One evaluation of the escalation rules: when, as of which date, what it covered and how it ended. */
@Entity
@Table(name = "evaluation_run")
@NamedQuery(name = EvaluationRun.RECENT, query = "SELECT r FROM EvaluationRun r ORDER BY r.startedAt DESC, r.id DESC")
public class EvaluationRun {

    public static final String RECENT = "EvaluationRun.recent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "as_of", nullable = false, updatable = false)
    private LocalDate asOf;

    @Column(name = "trigger_kind", nullable = false, updatable = false, length = 10)
    private String trigger;

    @Column(name = "started_by", nullable = false, updatable = false, length = 254)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "episodes_evaluated", nullable = false)
    private int episodesEvaluated;

    @Column(name = "flags_raised", nullable = false)
    private int flagsRaised;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "outcome", nullable = false, length = 24)
    private String outcome;

    @Column(name = "detail", length = 2000)
    private String detail;

    protected EvaluationRun() {
        // for JPA
    }

    public EvaluationRun(LocalDate asOf, String trigger, String startedBy, OffsetDateTime startedAt, String outcome) {
        this.asOf = asOf;
        this.trigger = trigger;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.outcome = outcome;
    }

    public void finish(OffsetDateTime at, int evaluated, int raised, int failures, String outcome, String detail) {
        this.finishedAt = at;
        this.episodesEvaluated = evaluated;
        this.flagsRaised = raised;
        this.failures = failures;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long getId() { return id; }
    public LocalDate getAsOf() { return asOf; }
    public String getTrigger() { return trigger; }
    public String getStartedBy() { return startedBy; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }
    public int getEpisodesEvaluated() { return episodesEvaluated; }
    public int getFlagsRaised() { return flagsRaised; }
    public int getFailures() { return failures; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
}

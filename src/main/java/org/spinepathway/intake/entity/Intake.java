package org.spinepathway.intake.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * One version of an episode's intake. The answers are JSON; the scores and red flags that rules,
 * queues and summaries need are columns, derived when the answers are saved.
 */
@Entity
@Table(name = "intake")
@NamedQuery(name = Intake.FIND_BY_EPISODE_AND_STATUS,
        query = "SELECT i FROM Intake i WHERE i.episodeId = :episodeId AND i.status = :status AND i.voidedAt IS NULL")
@NamedQuery(name = Intake.LATEST_VERSION,
        query = "SELECT MAX(i.versionNo) FROM Intake i WHERE i.episodeId = :episodeId")
public class Intake extends VoidableEntity {

    public static final String FIND_BY_EPISODE_AND_STATUS = "Intake.findByEpisodeAndStatus";
    public static final String LATEST_VERSION = "Intake.latestVersion";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false, updatable = false)
    private Long episodeId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private IntakeStatus status = IntakeStatus.DRAFT;

    @Column(name = "current_step", nullable = false)
    private int currentStep = 1;

    @Column(name = "answers", nullable = false)
    private String answers = "{}";

    @Column(name = "pain_now")
    private Integer painNow;

    @Column(name = "pain_worst")
    private Integer painWorst;

    @Enumerated(EnumType.STRING)
    @Column(name = "disability_instrument", length = 3)
    private DisabilityInstrument disabilityInstrument;

    @Column(name = "disability_score", precision = 5, scale = 1)
    private BigDecimal disabilityScore;

    @Column(name = "start_back_total")
    private Integer startBackTotal;

    @Column(name = "start_back_psychosocial")
    private Integer startBackPsychosocial;

    @Column(name = "start_back_risk", length = 6)
    private String startBackRisk;

    @Column(name = "red_flags", nullable = false, length = 400)
    private String redFlags = "";

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "submitted_by", length = 254)
    private String submittedBy;

    @Column(name = "supersedes_id", updatable = false)
    private Long supersedesId;

    /** Red flags of this version whose URGENT flag was raised already (comma-separated codes). */
    @Column(name = "red_flags_flagged", nullable = false, length = 400)
    private String redFlagsFlagged = "";

    /** When the newest of those was first saved; the nightly rule compares it with the last decision. */
    @Column(name = "red_flags_recorded_at")
    private OffsetDateTime redFlagsRecordedAt;

    protected Intake() {
        // for JPA
    }

    public Intake(long episodeId, int versionNo, Long supersedesId) {
        this.episodeId = episodeId;
        this.versionNo = versionNo;
        this.supersedesId = supersedesId;
    }

    /** Stores a draft's answers; a submitted intake is read-only. */
    public void saveDraft(String answersJson, int step) {
        requireDraft();
        answers = answersJson;
        currentStep = Math.max(1, Math.min(7, step));
    }

    /** Submits the draft with what was derived from its answers. */
    public void submit(String answersJson, Derived derived, LocalDate on, OffsetDateTime at, String by) {
        requireDraft();
        answers = answersJson;
        painNow = derived.painNow();
        painWorst = derived.painWorst();
        disabilityInstrument = derived.instrument();
        disabilityScore = derived.disabilityScore();
        startBackTotal = derived.startBackTotal();
        startBackPsychosocial = derived.startBackPsychosocial();
        startBackRisk = derived.startBackRisk();
        redFlags = String.join(",", derived.redFlagCodes());
        currentStep = 7;
        submittedOn = on;
        submittedAt = at;
        submittedBy = by;
        status = IntakeStatus.SUBMITTED;
    }

    /**
     * Of the red flags answered "yes", those whose flag this version has not raised yet; they are
     * recorded as raised, at {@code at}. A "yes" taken back later stays recorded: only a physician's
     * decision closes its flag.
     */
    public List<String> takeUnflaggedRedFlags(List<String> yes, OffsetDateTime at) {
        List<String> flagged = redFlagsFlagged.isEmpty() ? List.of() : Arrays.asList(redFlagsFlagged.split(","));
        List<String> fresh = yes.stream().filter(code -> !flagged.contains(code)).toList();
        if (!fresh.isEmpty()) {
            List<String> all = new ArrayList<>(flagged);
            all.addAll(fresh);
            redFlagsFlagged = String.join(",", all);
            redFlagsRecordedAt = at;
        }
        return fresh;
    }

    /** A correction starts knowing which red flags the version it corrects has raised already. */
    public void inheritRaisedRedFlags(Intake corrected) {
        redFlagsFlagged = corrected.redFlagsFlagged;
        redFlagsRecordedAt = corrected.redFlagsRecordedAt;
    }

    /** A correction has replaced this submission; it stays on record. */
    public void supersede() {
        if (status != IntakeStatus.SUBMITTED) {
            throw new IllegalStateException("only a submitted intake can be superseded");
        }
        status = IntakeStatus.SUPERSEDED;
    }

    private void requireDraft() {
        if (status != IntakeStatus.DRAFT) {
            throw new IllegalStateException("a submitted intake is read-only; start a correction instead");
        }
    }

    /** What submission derives from the answers, for the columns. */
    public record Derived(Integer painNow, Integer painWorst, DisabilityInstrument instrument, BigDecimal disabilityScore,
                          Integer startBackTotal, Integer startBackPsychosocial, String startBackRisk, List<String> redFlagCodes) {
    }

    public List<String> redFlagCodes() {
        return redFlags.isEmpty() ? List.of() : Arrays.asList(redFlags.split(","));
    }

    public Long getId() { return id; }
    public Long getEpisodeId() { return episodeId; }
    public int getVersionNo() { return versionNo; }
    public IntakeStatus getStatus() { return status; }
    public int getCurrentStep() { return currentStep; }
    public String getAnswers() { return answers; }
    public Integer getPainNow() { return painNow; }
    public Integer getPainWorst() { return painWorst; }
    public DisabilityInstrument getDisabilityInstrument() { return disabilityInstrument; }
    public BigDecimal getDisabilityScore() { return disabilityScore; }
    public Integer getStartBackTotal() { return startBackTotal; }
    public Integer getStartBackPsychosocial() { return startBackPsychosocial; }
    public String getStartBackRisk() { return startBackRisk; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public Long getSupersedesId() { return supersedesId; }
    public OffsetDateTime getRedFlagsRecordedAt() { return redFlagsRecordedAt; }
}

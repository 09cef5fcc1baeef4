package org.spinepathway.care.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.VoidableEntity;

/** A dated measurement in an episode: a clinician's visit or a patient's check-in. */
@Entity
@Table(name = "assessment")
@NamedQuery(name = Assessment.FIND_BY_EPISODE,
        query = "SELECT a FROM Assessment a WHERE a.episodeId = :episodeId AND a.voidedAt IS NULL ORDER BY a.assessedOn DESC, a.id DESC")
public class Assessment extends VoidableEntity {

    public static final String FIND_BY_EPISODE = "Assessment.findByEpisode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "episode_id", nullable = false, updatable = false)
    private Long episodeId;

    @Column(name = "assessed_on", nullable = false)
    private LocalDate assessedOn;

    @Column(name = "source", nullable = false, length = 9)
    private String source;

    @Column(name = "nrs")
    private Integer nrs;

    @Column(name = "disability_instrument", length = 3)
    private String disabilityInstrument;

    @Column(name = "disability_answers", length = 100)
    private String disabilityAnswers;

    @Column(name = "disability_score", precision = 5, scale = 1)
    private BigDecimal disabilityScore;

    @Column(name = "red_flags", nullable = false, length = 400)
    private String redFlags = "";

    @Column(name = "adherence", length = 10)
    private String adherence;

    @Column(name = "notes", length = 2000)
    private String notes;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    /** When its red-flag "yes" answers were first saved, as the check-in's draft; null: when it was recorded. */
    @Column(name = "red_flags_recorded_at", updatable = false)
    private OffsetDateTime redFlagsRecordedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "work_status", length = 20)
    private WorkStatus workStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "pain_medication", length = 6)
    private PainMedication painMedication;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "motor_grade", joinColumns = @JoinColumn(name = "assessment_id"))
    private List<MotorGrade> motor = new ArrayList<>();

    protected Assessment() {
        // for JPA
    }

    public Assessment(long episodeId, LocalDate assessedOn, String source, Integer nrs, String disabilityInstrument,
                      String disabilityAnswers, BigDecimal disabilityScore, String redFlags, String adherence, String notes,
                      OffsetDateTime recordedAt, List<MotorGrade> motor) {
        this.episodeId = episodeId;
        this.assessedOn = assessedOn;
        this.source = source;
        this.nrs = nrs;
        this.disabilityInstrument = disabilityInstrument;
        this.disabilityAnswers = disabilityAnswers;
        this.disabilityScore = disabilityScore;
        this.redFlags = redFlags;
        this.adherence = adherence;
        this.notes = notes;
        this.recordedAt = recordedAt;
        this.motor = new ArrayList<>(motor);
    }

    public Long getId() { return id; }
    public Long getEpisodeId() { return episodeId; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public String getSource() { return source; }
    public Integer getNrs() { return nrs; }
    public String getDisabilityInstrument() { return disabilityInstrument; }
    public String getDisabilityAnswers() { return disabilityAnswers; }

    /** The ten ODI/NDI section scores as stored ("3,,2,..."; an empty place is a section not answered); empty without answers. */
    public List<Integer> disabilityAnswerList() {
        if (disabilityAnswers == null || disabilityAnswers.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(disabilityAnswers.split(",", -1)).map(a -> a.isBlank() ? null : Integer.valueOf(a.strip()))
                .collect(java.util.stream.Collectors.toList());
    }
    public BigDecimal getDisabilityScore() { return disabilityScore; }
    public String getRedFlags() { return redFlags; }
    public String getAdherence() { return adherence; }
    public String getNotes() { return notes; }
    public OffsetDateTime getRecordedAt() { return recordedAt; }
    public OffsetDateTime getRedFlagsRecordedAt() { return redFlagsRecordedAt; }

    /** Its red flags were all answered, and their flag raised, while it was a draft, at {@code at}. */
    public void redFlagsFirstSavedAt(OffsetDateTime at) {
        this.redFlagsRecordedAt = at;
    }
    public List<MotorGrade> getMotor() { return motor; }
    public WorkStatus getWorkStatus() { return workStatus; }
    public PainMedication getPainMedication() { return painMedication; }

    /** The outcome time point's ICHOM answers (either may be null: not asked, or not answered). */
    public void outcomeAnswers(WorkStatus workStatus, PainMedication painMedication) {
        this.workStatus = workStatus;
        this.painMedication = painMedication;
    }
}

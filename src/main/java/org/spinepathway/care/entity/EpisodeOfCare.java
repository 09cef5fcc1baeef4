package org.spinepathway.care.entity;

import java.math.BigDecimal;
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

import org.spinepathway.platform.entity.VoidableEntity;

/** One complaint of one patient, from intake to its outcome. */
@Entity
@Table(name = "episode_of_care")
@NamedQuery(name = EpisodeOfCare.FIND_BY_PATIENT,
        query = "SELECT e FROM EpisodeOfCare e WHERE e.patientId = :patientId AND e.voidedAt IS NULL ORDER BY e.openedOn DESC, e.id DESC")
public class EpisodeOfCare extends VoidableEntity {

    public static final String FIND_BY_PATIENT = "EpisodeOfCare.findByPatient";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "region", nullable = false, length = 16)
    private SpineRegion region;

    @Enumerated(EnumType.STRING)
    @Column(name = "side", nullable = false, length = 8)
    private Side side;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private EpisodeState state = EpisodeState.INTAKE;

    @Column(name = "physio_id")
    private Long physioId;

    @Column(name = "physician_id")
    private Long physicianId;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "baseline_nrs")
    private Integer baselineNrs;

    @Column(name = "baseline_instrument", length = 3)
    private String baselineInstrument;

    @Column(name = "baseline_disability", precision = 5, scale = 1)
    private BigDecimal baselineDisability;

    @Column(name = "baseline_intake_id")
    private Long baselineIntakeId;

    @Column(name = "care_opened_at")
    private OffsetDateTime careOpenedAt;

    @Column(name = "care_opened_by", length = 254)
    private String careOpenedBy;

    protected EpisodeOfCare() {
        // for JPA
    }

    public EpisodeOfCare(long patientId, SpineRegion region, Side side, LocalDate openedOn) {
        this.patientId = patientId;
        this.region = region;
        this.side = side;
        this.openedOn = openedOn;
    }

    /** While the intake is being filled the patient may still change where it hurts. */
    public void describe(SpineRegion region, Side side) {
        if (state != EpisodeState.INTAKE) {
            throw new IllegalStateException("the region of an episode in care is fixed");
        }
        this.region = region;
        this.side = side;
    }

    /**
     * A physiotherapist takes the episode on: assigns who is responsible and freezes the submitted
     * intake's measures as the baseline.
     */
    public void openForCare(long physioId, Long physicianId, Baseline baseline, String openedBy, OffsetDateTime openedAt) {
        if (isOpenedForCare()) {
            throw new IllegalStateException("episode " + id + " was opened for care already");
        }
        this.physioId = physioId;
        this.physicianId = physicianId;
        this.baselineNrs = baseline.nrs();
        this.baselineInstrument = baseline.instrument();
        this.baselineDisability = baseline.disability();
        this.baselineIntakeId = baseline.intakeId();
        this.careOpenedBy = openedBy;
        this.careOpenedAt = openedAt;
    }

    /** Hands the episode to another physiotherapist or physician; the baseline stays. */
    public void assign(long physioId, long physicianId) {
        this.physioId = physioId;
        this.physicianId = physicianId;
    }

    public boolean isOpenedForCare() {
        return careOpenedAt != null;
    }

    /** The measures from the submitted intake that care is compared to. */
    public record Baseline(Long intakeId, Integer nrs, String instrument, BigDecimal disability) {
    }

    /** A treatment plan starts conservative care (an episode already under review stays there). */
    public void startCare() {
        if (state == EpisodeState.INTAKE) {
            moveTo(EpisodeState.CONSERVATIVE_CARE);
        }
    }

    /** An open REVIEW or URGENT flag puts an active episode under a physician's review. */
    public void putUnderReview() {
        if (state.isActive() && state != EpisodeState.UNDER_REVIEW) {
            moveTo(EpisodeState.UNDER_REVIEW);
        }
    }

    /** Moves along design.md's states only; any other move is a programming error, not input. */
    public void moveTo(EpisodeState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("an episode cannot go from " + state + " to " + next);
        }
        state = next;
    }

    public Long getId() {
        return id;
    }

    public Long getPatientId() {
        return patientId;
    }

    public SpineRegion getRegion() {
        return region;
    }

    public Side getSide() {
        return side;
    }

    public EpisodeState getState() {
        return state;
    }

    public Long getPhysioId() {
        return physioId;
    }

    public Long getPhysicianId() {
        return physicianId;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public Integer getBaselineNrs() {
        return baselineNrs;
    }

    public String getBaselineInstrument() {
        return baselineInstrument;
    }

    public BigDecimal getBaselineDisability() {
        return baselineDisability;
    }

    public OffsetDateTime getCareOpenedAt() {
        return careOpenedAt;
    }

    public String getCareOpenedBy() {
        return careOpenedBy;
    }
}

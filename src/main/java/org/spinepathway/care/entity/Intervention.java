package org.spinepathway.care.entity;

import java.time.LocalDate;

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

/** One treatment in a plan, with its type-specific details as JSON. */
@Entity
@Table(name = "intervention")
@NamedQuery(name = Intervention.FIND_BY_PLAN,
        query = "SELECT i FROM Intervention i WHERE i.planId = :planId AND i.voidedAt IS NULL ORDER BY i.startDate, i.id")
public class Intervention extends VoidableEntity {

    public static final String FIND_BY_PLAN = "Intervention.findByPlan";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private Long planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, updatable = false, length = 20)
    private InterventionType type;

    @Column(name = "details", nullable = false)
    private String details;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private InterventionStatus status;

    @Column(name = "stop_reason", length = 500)
    private String stopReason;

    @Column(name = "given_on")
    private LocalDate givenOn;

    protected Intervention() {
        // for JPA
    }

    public Intervention(long planId, InterventionType type, String detailsJson, LocalDate startDate, LocalDate endDate,
                        InterventionStatus status, String stopReason, LocalDate givenOn) {
        this.planId = planId;
        this.type = type;
        this.details = detailsJson;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = status;
        this.stopReason = stopReason;
        this.givenOn = givenOn;
    }

    /** Stops the intervention; the reason is required and kept. */
    public void stop(String reason, LocalDate on) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("stopping needs a reason");
        }
        status = InterventionStatus.STOPPED;
        stopReason = reason.strip();
        if (endDate == null || endDate.isAfter(on)) {
            endDate = on.isBefore(startDate) ? startDate : on;
        }
    }

    public Long getId() { return id; }
    public Long getPlanId() { return planId; }
    public InterventionType getType() { return type; }
    public String getDetails() { return details; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public InterventionStatus getStatus() { return status; }
    public String getStopReason() { return stopReason; }
    public LocalDate getGivenOn() { return givenOn; }
}

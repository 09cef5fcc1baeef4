package org.spinepathway.intake.entity;

/** A draft is the patient's to change; a submission is read-only; a corrected submission is superseded. */
public enum IntakeStatus {
    DRAFT,
    SUBMITTED,
    SUPERSEDED
}

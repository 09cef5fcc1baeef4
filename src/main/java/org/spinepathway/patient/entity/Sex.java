package org.spinepathway.patient.entity;

/** Administrative sex as recorded by the clinic; {@code UNKNOWN} when the patient prefers not to say. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}

package org.spinepathway.care.entity;

/** Where an intervention stands; stopping one needs a reason. */
public enum InterventionStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    STOPPED
}

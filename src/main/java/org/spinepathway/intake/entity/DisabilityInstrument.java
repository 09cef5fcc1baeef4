package org.spinepathway.intake.entity;

/** Oswestry Disability Index for the lower and mid back, Neck Disability Index for the neck. */
public enum DisabilityInstrument {
    ODI,
    NDI
}

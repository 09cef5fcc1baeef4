package org.spinepathway.care.entity;

/** The conservative treatments a plan can hold. */
public enum InterventionType {
    REST,
    PHYSICAL_THERAPY,
    MEDICATION,
    INJECTION,
    HEAT_COLD,
    MANIPULATION
}

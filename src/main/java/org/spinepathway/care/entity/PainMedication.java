package org.spinepathway.care.entity;

/** ICHOM's pain-medication item, asked at the outcome time points: an opioid, another pain medicine, or none. */
public enum PainMedication {
    OPIOID,
    OTHER,
    NONE
}

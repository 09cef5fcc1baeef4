package org.spinepathway.care.entity;

/**
 * ICHOM's work-status item for low back and neck pain, asked at the outcome time points: at work as
 * before, at work but less because of the pain, off sick because of the pain, or not working for
 * another reason (retired, studying, caring, seeking work).
 */
public enum WorkStatus {
    WORKING,
    WORKING_REDUCED,
    SICK_LEAVE,
    NOT_WORKING_OTHER
}

package org.spinepathway.escalation.entity;

/** URGENT: same-day attention; REVIEW: a physician's surgical-referral review; TASK: the physiotherapist's list. */
public enum FlagPriority {
    URGENT,
    REVIEW,
    TASK
}

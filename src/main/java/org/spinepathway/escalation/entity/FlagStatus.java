package org.spinepathway.escalation.entity;

/** OPEN until decided: REFERRED, CONTINUED (conservative care) or DISMISSED; a TASK is CLOSED. */
public enum FlagStatus {
    OPEN,
    REFERRED,
    CONTINUED,
    DISMISSED,
    CLOSED
}

package org.spinepathway.escalation.entity;

/**
 * The rules of escalation-rules.md, with the priority their flags carry. The version is recorded
 * on every flag, so a flag can always be read against the rule text that raised it.
 */
public enum FlagRule {
    RED_FLAG(FlagPriority.URGENT),
    MOTOR_DECLINE(FlagPriority.URGENT),
    WORSENING(FlagPriority.REVIEW),
    NOT_IMPROVING(FlagPriority.REVIEW),
    PERSISTENT_SEVERE(FlagPriority.REVIEW),
    INJECTIONS_NO_RELIEF(FlagPriority.REVIEW),
    NOT_RESOLVED_12_WEEKS(FlagPriority.REVIEW),
    FOLLOW_UP_OVERDUE(FlagPriority.TASK);

    /** Version of the rule set (escalation-rules.md) this code implements. */
    public static final String VERSION = "2026.1";

    private final FlagPriority priority;

    FlagRule(FlagPriority priority) {
        this.priority = priority;
    }

    public FlagPriority priority() {
        return priority;
    }
}

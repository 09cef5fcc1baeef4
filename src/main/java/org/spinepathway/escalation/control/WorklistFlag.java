package org.spinepathway.escalation.control;

import java.io.Serializable;
import java.time.LocalDate;

import org.spinepathway.escalation.entity.FlagRule;

/** One open flag of a worklist row's episode. */
public record WorklistFlag(long flagId, FlagRule rule, String priority, LocalDate raisedOn, String evidence) implements Serializable {

    public boolean isUrgent() {
        return "URGENT".equals(priority);
    }

    /** Why the rule fired, in a sentence built from the evidence. */
    public String reason() {
        return FlagExplanation.sentence(rule, evidence);
    }
}

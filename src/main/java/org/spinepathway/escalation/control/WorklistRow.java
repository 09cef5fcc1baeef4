package org.spinepathway.escalation.control;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.spinepathway.escalation.entity.FlagRule;

/** One open flag on the physicians' worklist, with what the row shows about its episode. */
public record WorklistRow(long flagId, FlagRule rule, String priority, LocalDate raisedOn, String evidence, long episodeId, String region,
                          String episodeState, long patientId, String mrn, String patientName, String physioName, LocalDate careStart,
                          Long daysInCare, long daysOpen, Integer baselineNrs, Integer latestNrs, BigDecimal baselineDisability,
                          BigDecimal latestDisability) implements Serializable {

    /** Why the rule fired, in a sentence built from the evidence. */
    public String reason() {
        return FlagExplanation.sentence(rule, evidence);
    }
}

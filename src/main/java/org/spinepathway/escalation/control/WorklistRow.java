package org.spinepathway.escalation.control;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * One episode on the physicians' worklist: its leading open flag (the most urgent, then the oldest),
 * what the row shows about the episode, and every open flag of the episode ({@code flags}, most urgent
 * first, the leading one first of all). For an URGENT leading flag: the patient's phone and emergency contact, whether someone of the care team has reached the
 * patient ({@code acknowledged}), and whether nobody has in the time allowed ({@code overdue}).
 */
public record WorklistRow(long flagId, FlagRule rule, String priority, LocalDate raisedOn, String evidence, long episodeId, String region,
                          String episodeState, long patientId, String mrn, String patientName, String physioName, LocalDate careStart,
                          Long daysInCare, long daysOpen, Integer baselineNrs, Integer latestNrs, BigDecimal baselineDisability,
                          BigDecimal latestDisability, String phone, String emergencyContactName, String emergencyContactPhone,
                          boolean acknowledged, boolean overdue, List<WorklistFlag> flags) implements Serializable {

    public WorklistRow {
        flags = List.copyOf(flags);
    }

    public boolean isUrgent() {
        return "URGENT".equals(priority);
    }

    /** Why the rule fired, in a sentence built from the evidence. */
    public String reason() {
        return FlagExplanation.sentence(rule, evidence);
    }
}

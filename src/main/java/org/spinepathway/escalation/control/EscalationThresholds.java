package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.math.BigDecimal;

import jakarta.json.JsonObjectBuilder;

/**
 * The numbers of escalation-rules.md. Each is a default a clinic can change in configuration
 * ({@code clinic.escalation.<name>}); every flag records the values it used.
 */
public record EscalationThresholds(
        int painImprovementPoints,
        BigDecimal painImprovementFraction,
        int disabilityImprovementPoints,
        int worseningPainPoints,
        int worseningDisabilityPoints,
        int worseningAfterDays,
        int notImprovingAfterDays,
        int severePain,
        int persistentSevereAfterDays,
        int injectionsCount,
        int injectionsWaitDays,
        int notResolvedAfterDays,
        int notResolvedPain,
        int notResolvedDisability,
        int followUpOverdueDays,
        int weakMotorGrade) {

    public static EscalationThresholds defaults() {
        return new EscalationThresholds(2, new BigDecimal("0.30"), 10, 2, 10, 14, 42, 7, 28, 2, 14, 84, 3, 20, 21, 3);
    }

    /** The thresholds that decide whether the episode is improving, for a flag's evidence. */
    JsonObjectBuilder improvementJson() {
        return JSON.createObjectBuilder().add("painImprovementPoints", painImprovementPoints)
                .add("painImprovementFraction", painImprovementFraction).add("disabilityImprovementPoints", disabilityImprovementPoints);
    }
}

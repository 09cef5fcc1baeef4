package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.math.BigDecimal;
import java.util.function.Function;

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

    /**
     * The thresholds from settings named {@code clinic.escalation.<name>}: {@code setting} gives a
     * name's value (the configuration, whose defaults are the packaged
     * {@code META-INF/microprofile-config.properties}, the one place the published values are written).
     */
    public static EscalationThresholds from(Function<String, String> setting) {
        return new EscalationThresholds(
                number(setting, "pain-improvement-points"),
                new BigDecimal(value(setting, "pain-improvement-fraction")),
                number(setting, "disability-improvement-points"),
                number(setting, "worsening-pain-points"),
                number(setting, "worsening-disability-points"),
                number(setting, "worsening-after-days"),
                number(setting, "not-improving-after-days"),
                number(setting, "severe-pain"),
                number(setting, "persistent-severe-after-days"),
                number(setting, "injections-count"),
                number(setting, "injections-wait-days"),
                number(setting, "not-resolved-after-days"),
                number(setting, "not-resolved-pain"),
                number(setting, "not-resolved-disability"),
                number(setting, "follow-up-overdue-days"),
                number(setting, "weak-motor-grade"));
    }

    private static int number(Function<String, String> setting, String name) {
        return Integer.parseInt(value(setting, name).strip());
    }

    private static String value(Function<String, String> setting, String name) {
        String value = setting.apply("clinic.escalation." + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("clinic.escalation." + name + " is not set");
        }
        return value.strip();
    }

    /** The thresholds that decide whether the episode is improving, for a flag's evidence. */
    JsonObjectBuilder improvementJson() {
        return JSON.createObjectBuilder().add("painImprovementPoints", painImprovementPoints)
                .add("painImprovementFraction", painImprovementFraction).add("disabilityImprovementPoints", disabilityImprovementPoints);
    }
}

package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.spinepathway.escalation.entity.FlagRule;

/** MOTOR_DECLINE as a rule of the nightly evaluation: {@link MotorDeclineRule} over the episode's clinician grades. */
public final class MotorDecline implements EscalationRule {

    private final MotorDeclineRule rule;
    private final int weakGrade;

    public MotorDecline(EscalationThresholds t) {
        this.weakGrade = t.weakMotorGrade();
        this.rule = new MotorDeclineRule(weakGrade);
    }

    @Override
    public FlagRule rule() {
        return FlagRule.MOTOR_DECLINE;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        List<MotorDeclineRule.Finding> findings = rule.evaluate(facts.grades(), d);
        return findings.isEmpty() ? Optional.empty() : Optional.of(evidence(findings, weakGrade, d));
    }

    /** The evidence the visit page and the nightly job both record. */
    public static JsonObject evidence(List<MotorDeclineRule.Finding> findings, int weakGrade, LocalDate d) {
        JsonArrayBuilder seen = JSON.createArrayBuilder();
        findings.forEach(f -> seen.add(JSON.createObjectBuilder().add("myotome", f.myotome()).add("side", f.side())
                .add("latest", f.latest()).add("latestOn", f.latestOn().toString())
                .add("previous", f.previous() == null ? JsonValue.NULL : JSON.createValue(f.previous()))
                .add("previousOn", f.previousOn() == null ? JsonValue.NULL : JSON.createValue(f.previousOn().toString()))
                .add("reason", f.reason())));
        return JSON.createObjectBuilder().add("asOf", d.toString()).add("threshold", weakGrade).add("findings", seen).build();
    }
}

package org.spinepathway.escalation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * WORSENING (REVIEW): the latest assessment is dated ≥ 14 days after care start, and latest NRS ≥
 * baseline NRS + 2, or latest ODI/NDI ≥ baseline + 10.
 */
public final class WorseningRule implements EscalationRule {

    private final EscalationThresholds t;

    public WorseningRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.WORSENING;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        var latest = facts.latest(d);
        if (facts.careStart() == null || latest.isEmpty() || latest.get().date().isBefore(facts.careStart().plusDays(t.worseningAfterDays()))) {
            return Optional.empty();
        }
        ClinicalChange change = new ClinicalChange(facts, d, t);
        boolean painWorse = change.baselineNrs() != null && change.latestNrs() != null
                && change.latestNrs() >= change.baselineNrs() + t.worseningPainPoints();
        boolean functionWorse = change.baselineDisability() != null && change.latestDisability() != null
                && change.latestDisability().compareTo(change.baselineDisability().add(BigDecimal.valueOf(t.worseningDisabilityPoints()))) >= 0;
        if (!painWorse && !functionWorse) {
            return Optional.empty();
        }
        return Optional.of(change.json().add("asOf", d.toString()).add("careStart", facts.careStart().toString())
                .add("latestAssessmentOn", latest.get().date().toString()).add("painWorse", painWorse).add("functionWorse", functionWorse)
                .add("afterDays", t.worseningAfterDays()).add("painPoints", t.worseningPainPoints())
                .add("disabilityPoints", t.worseningDisabilityPoints()).build());
    }
}

package org.spinepathway.escalation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/** NOT_RESOLVED_12_WEEKS (REVIEW): D is ≥ 84 days after care start and latest NRS > 3 or latest ODI/NDI > 20. */
public final class NotResolvedRule implements EscalationRule {

    private final EscalationThresholds t;

    public NotResolvedRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.NOT_RESOLVED_12_WEEKS;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        if (facts.careStart() == null || d.isBefore(facts.careStart().plusDays(t.notResolvedAfterDays()))) {
            return Optional.empty();
        }
        ClinicalChange change = new ClinicalChange(facts, d, t);
        boolean pain = change.latestNrs() != null && change.latestNrs() > t.notResolvedPain();
        boolean function = change.latestDisability() != null && change.latestDisability().compareTo(BigDecimal.valueOf(t.notResolvedDisability())) > 0;
        if (!pain && !function) {
            return Optional.empty();
        }
        return Optional.of(change.json().add("asOf", d.toString()).add("careStart", facts.careStart().toString())
                .add("afterDays", t.notResolvedAfterDays()).add("painAbove", t.notResolvedPain())
                .add("disabilityAbove", t.notResolvedDisability()).build());
    }
}

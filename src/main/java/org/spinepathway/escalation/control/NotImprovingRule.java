package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/** NOT_IMPROVING (REVIEW): the latest assessment is dated ≥ 42 days after care start and the episode is not improving. */
public final class NotImprovingRule implements EscalationRule {

    private final EscalationThresholds t;

    public NotImprovingRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.NOT_IMPROVING;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        var latest = facts.latest(d);
        if (facts.careStart() == null || latest.isEmpty() || latest.get().date().isBefore(facts.careStart().plusDays(t.notImprovingAfterDays()))) {
            return Optional.empty();
        }
        ClinicalChange change = new ClinicalChange(facts, d, t);
        if (change.improving()) {
            return Optional.empty();
        }
        return Optional.of(change.json().add("asOf", d.toString()).add("careStart", facts.careStart().toString())
                .add("latestAssessmentOn", latest.get().date().toString()).add("afterDays", t.notImprovingAfterDays())
                .add("thresholds", t.improvementJson()).build());
    }
}

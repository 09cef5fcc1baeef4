package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * FOLLOW_UP_OVERDUE (TASK, for the physiotherapist): the episode is in conservative care, care
 * started ≥ 21 days before D, and no assessment is dated in the 21 days up to D.
 */
public final class FollowUpOverdueRule implements EscalationRule {

    private final EscalationThresholds t;

    public FollowUpOverdueRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.FOLLOW_UP_OVERDUE;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        int days = t.followUpOverdueDays();
        if (!"CONSERVATIVE_CARE".equals(facts.state()) || facts.careStart() == null || facts.careStart().isAfter(d.minusDays(days))) {
            return Optional.empty();
        }
        var latest = facts.latest(d);
        if (latest.isPresent() && latest.get().date().isAfter(d.minusDays(days))) {
            return Optional.empty();
        }
        return Optional.of(JSON.createObjectBuilder().add("asOf", d.toString()).add("careStart", facts.careStart().toString())
                .add("lastAssessmentOn", latest.map(a -> (JsonValue) JSON.createValue(a.date().toString())).orElse(JsonValue.NULL))
                .add("days", days).build());
    }
}

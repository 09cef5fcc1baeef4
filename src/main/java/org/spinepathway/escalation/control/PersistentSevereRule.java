package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * PERSISTENT_SEVERE (REVIEW): the two most recent assessments that record NRS both have NRS ≥ 7
 * and are both dated ≥ 28 days after care start.
 */
public final class PersistentSevereRule implements EscalationRule {

    private final EscalationThresholds t;

    public PersistentSevereRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.PERSISTENT_SEVERE;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        if (facts.careStart() == null) {
            return Optional.empty();
        }
        List<EpisodeFacts.Measurement> withPain = facts.asOf(d).stream().filter(a -> a.nrs() != null).toList();
        if (withPain.size() < 2) {
            return Optional.empty();
        }
        LocalDate from = facts.careStart().plusDays(t.persistentSevereAfterDays());
        List<EpisodeFacts.Measurement> lastTwo = withPain.subList(withPain.size() - 2, withPain.size());
        boolean fires = lastTwo.stream().allMatch(a -> a.nrs() >= t.severePain() && !a.date().isBefore(from));
        if (!fires) {
            return Optional.empty();
        }
        var seen = JSON.createArrayBuilder();
        lastTwo.forEach(a -> seen.add(JSON.createObjectBuilder().add("date", a.date().toString()).add("nrs", a.nrs())));
        return Optional.of(JSON.createObjectBuilder().add("asOf", d.toString()).add("careStart", facts.careStart().toString())
                .add("lastTwoPainScores", seen).add("severePain", t.severePain()).add("afterDays", t.persistentSevereAfterDays()).build());
    }
}

package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * INJECTIONS_NO_RELIEF (REVIEW): 2 or more injections were given in the episode, the latest
 * assessment is dated ≥ 14 days after the last one, and the episode is not improving.
 */
public final class InjectionsNoReliefRule implements EscalationRule {

    private final EscalationThresholds t;

    public InjectionsNoReliefRule(EscalationThresholds t) {
        this.t = t;
    }

    @Override
    public FlagRule rule() {
        return FlagRule.INJECTIONS_NO_RELIEF;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        List<LocalDate> given = facts.injections().stream().filter(g -> !g.isAfter(d)).sorted().toList();
        var latest = facts.latest(d);
        if (facts.careStart() == null || given.size() < t.injectionsCount() || latest.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = given.get(given.size() - 1);
        if (latest.get().date().isBefore(last.plusDays(t.injectionsWaitDays()))) {
            return Optional.empty();
        }
        ClinicalChange change = new ClinicalChange(facts, d, t);
        if (change.improving()) {
            return Optional.empty();
        }
        var dates = JSON.createArrayBuilder();
        given.forEach(g -> dates.add(g.toString()));
        return Optional.of(change.json().add("asOf", d.toString()).add("injectionsGiven", dates)
                .add("latestAssessmentOn", latest.get().date().toString()).add("injectionsCount", t.injectionsCount())
                .add("waitDays", t.injectionsWaitDays()).add("thresholds", t.improvementJson()).build());
    }
}

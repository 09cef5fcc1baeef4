package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * RED_FLAG (URGENT): the intake or an assessment has a red-flag answer "yes", recorded after the
 * last decided RED_FLAG flag of the episode (if any). Needs no treatment plan.
 */
public final class RedFlagRule implements EscalationRule {

    @Override
    public FlagRule rule() {
        return FlagRule.RED_FLAG;
    }

    @Override
    public Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d) {
        EpisodeFacts.Decision decided = facts.lastDecisions().get(FlagRule.RED_FLAG);
        OffsetDateTime after = decided == null ? null : decided.decidedAt();
        JsonArrayBuilder sources = JSON.createArrayBuilder();
        boolean fires = false;
        if (facts.intakeRedFlagsAt() != null && (after == null || facts.intakeRedFlagsAt().isAfter(after))) {
            sources.add(JSON.createObjectBuilder().add("source", "intake").add("recordedAt", facts.intakeRedFlagsAt().toString())
                    .add("redFlags", JSON.createArrayBuilder(facts.intakeRedFlags())));
            fires = true;
        }
        for (EpisodeFacts.Measurement a : facts.asOf(d)) {
            if (a.redFlag() && (after == null || a.redFlagsAt().isAfter(after))) {
                var source = JSON.createObjectBuilder().add("source", "assessment").add("assessmentId", a.id())
                        .add("date", a.date().toString()).add("recordedAt", a.recordedAt().toString())
                        .add("redFlags", JSON.createArrayBuilder(a.redFlags()));
                if (a.source() != null) {
                    source.add("recordedBy", a.source());
                }
                sources.add(source);
                fires = true;
            }
        }
        if (!fires) {
            return Optional.empty();
        }
        var evidence = JSON.createObjectBuilder().add("asOf", d.toString()).add("redFlagAnswers", sources);
        if (after != null) {
            evidence.add("afterDecisionAt", after.toString());
        }
        return Optional.of(evidence.build());
    }
}

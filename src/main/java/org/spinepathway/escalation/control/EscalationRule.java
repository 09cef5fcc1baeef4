package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * One rule of escalation-rules.md, evaluated for one episode as of a date D. A rule says only
 * whether its condition holds and with what evidence; which flags are open or suppressed by a
 * decision is {@link EpisodeEvaluation}'s concern.
 */
public interface EscalationRule {

    FlagRule rule();

    /** The evidence (the numbers seen and the thresholds used) if the rule fires; empty if not. */
    Optional<JsonObject> evaluate(EpisodeFacts facts, LocalDate d);
}

package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * "Pain improved", "function improved" and "improving" of escalation-rules.md, for one episode as
 * of D. A measure missing on either side counts as not improved.
 */
public final class ClinicalChange {

    private final Integer baselineNrs;
    private final Integer latestNrs;
    private final BigDecimal baselineDisability;
    private final BigDecimal latestDisability;
    private final EscalationThresholds t;

    public ClinicalChange(EpisodeFacts facts, LocalDate d, EscalationThresholds t) {
        this.t = t;
        this.baselineNrs = facts.baselineNrs();
        this.baselineDisability = facts.baselineDisability();
        this.latestNrs = facts.latestWith(d, EpisodeFacts.Measurement::nrs).map(EpisodeFacts.Measurement::nrs).orElse(null);
        this.latestDisability = facts.latestWith(d, EpisodeFacts.Measurement::disability).map(EpisodeFacts.Measurement::disability).orElse(null);
    }

    /** baseline − latest ≥ 2 points and ≥ 30% of the baseline. */
    public boolean painImproved() {
        if (baselineNrs == null || latestNrs == null) {
            return false;
        }
        int drop = baselineNrs - latestNrs;
        return drop >= t.painImprovementPoints()
                && BigDecimal.valueOf(drop).compareTo(t.painImprovementFraction().multiply(BigDecimal.valueOf(baselineNrs))) >= 0;
    }

    /** baseline − latest ODI/NDI ≥ 10. */
    public boolean functionImproved() {
        return baselineDisability != null && latestDisability != null
                && baselineDisability.subtract(latestDisability).compareTo(BigDecimal.valueOf(t.disabilityImprovementPoints())) >= 0;
    }

    public boolean improving() {
        return painImproved() || functionImproved();
    }

    public Integer baselineNrs() { return baselineNrs; }
    public Integer latestNrs() { return latestNrs; }
    public BigDecimal baselineDisability() { return baselineDisability; }
    public BigDecimal latestDisability() { return latestDisability; }

    /** The numbers behind the judgement, for a flag's evidence. */
    public JsonObjectBuilder json() {
        return JSON.createObjectBuilder()
                .add("baselineNrs", baselineNrs == null ? JsonValue.NULL : JSON.createValue(baselineNrs))
                .add("latestNrs", latestNrs == null ? JsonValue.NULL : JSON.createValue(latestNrs))
                .add("baselineDisability", baselineDisability == null ? JsonValue.NULL : JSON.createValue(baselineDisability))
                .add("latestDisability", latestDisability == null ? JsonValue.NULL : JSON.createValue(latestDisability))
                .add("painImproved", painImproved()).add("functionImproved", functionImproved()).add("improving", improving());
    }
}

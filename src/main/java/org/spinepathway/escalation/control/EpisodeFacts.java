package org.spinepathway.escalation.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * What the rules see of one episode: its state and care start, the baseline, its (non-voided)
 * assessments, motor grades and injections, the decisions taken on its earlier flags, and which
 * rules have a flag open. Read by the nightly job in a few set-based queries per batch of episodes.
 *
 * @param careStart the treatment plan's start date; null without a plan (only RED_FLAG runs then)
 * @param intakeRedFlagsAt when the submitted intake's red-flag "yes" answers were first saved (in its draft, or at
 *                         submission); null if it had none
 * @param intakeRedFlags the codes of the intake's red-flag "yes" answers, for the evidence
 */
public record EpisodeFacts(long episodeId, String state, LocalDate careStart, Integer intakeNrs, BigDecimal intakeDisability,
                           OffsetDateTime intakeRedFlagsAt, List<Measurement> assessments, List<MotorDeclineRule.Grade> grades,
                           List<LocalDate> injections, Map<FlagRule, Decision> lastDecisions, Decision lastContinue,
                           Set<FlagRule> open, List<String> intakeRedFlags) {

    /** Facts whose intake red flags are known only by when they were saved. */
    public EpisodeFacts(long episodeId, String state, LocalDate careStart, Integer intakeNrs, BigDecimal intakeDisability,
                        OffsetDateTime intakeRedFlagsAt, List<Measurement> assessments, List<MotorDeclineRule.Grade> grades,
                        List<LocalDate> injections, Map<FlagRule, Decision> lastDecisions, Decision lastContinue, Set<FlagRule> open) {
        this(episodeId, state, careStart, intakeNrs, intakeDisability, intakeRedFlagsAt, assessments, grades, injections, lastDecisions,
                lastContinue, open, List.of());
    }

    /**
     * One assessment: its date, when it was entered, its measures. {@code redFlagsAt} is when its red-flag "yes" answers were first saved
     * (as the check-in's draft, or else when it was recorded); null when it has none. {@code source} is who recorded it
     * ({@code CLINICIAN} at a visit, {@code PATIENT} at a check-in; null when unknown) and {@code redFlags} the codes answered yes.
     */
    public record Measurement(long id, LocalDate date, OffsetDateTime recordedAt, Integer nrs, BigDecimal disability,
                              OffsetDateTime redFlagsAt, String source, List<String> redFlags) {

        public Measurement {
            redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
        }

        /** An assessment whose red-flag answers are known only by when they were saved. */
        public Measurement(long id, LocalDate date, OffsetDateTime recordedAt, Integer nrs, BigDecimal disability,
                           OffsetDateTime redFlagsAt) {
            this(id, date, recordedAt, nrs, disability, redFlagsAt, null, List.of());
        }

        /** An assessment whose red flags, if any, were first saved when it was recorded. */
        public Measurement(long id, LocalDate date, OffsetDateTime recordedAt, Integer nrs, BigDecimal disability, boolean redFlag) {
            this(id, date, recordedAt, nrs, disability, redFlag ? recordedAt : null);
        }

        public boolean redFlag() {
            return redFlagsAt != null;
        }
    }

    /** A physician's (or, for a TASK, a physiotherapist's) decision on a flag. */
    public record Decision(String status, OffsetDateTime decidedAt, LocalDate recheckOn) {
    }

    /** The assessments are kept oldest first (ties by id): every rule asks for them in that order. */
    public EpisodeFacts {
        intakeRedFlags = intakeRedFlags == null ? List.of() : List.copyOf(intakeRedFlags);
        assessments = assessments.stream().sorted(Comparator.comparing(Measurement::date).thenComparing(Measurement::id)).toList();
    }

    /** Assessments dated on or before D, oldest first (ties by id). */
    public List<Measurement> asOf(LocalDate d) {
        return assessments.stream().filter(a -> !a.date().isAfter(d)).toList();
    }

    public Optional<Measurement> latest(LocalDate d) {
        List<Measurement> seen = asOf(d);
        return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
    }

    /** The most recent assessment on or before D that records this measure. */
    public <T> Optional<Measurement> latestWith(LocalDate d, Function<Measurement, T> measure) {
        List<Measurement> seen = asOf(d).stream().filter(a -> measure.apply(a) != null).toList();
        return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
    }

    /** The intake's pain, or where the intake lacks one, the earliest assessment's. */
    public Integer baselineNrs() {
        return intakeNrs != null ? intakeNrs : assessments.stream().map(Measurement::nrs).filter(n -> n != null).findFirst().orElse(null);
    }

    public BigDecimal baselineDisability() {
        return intakeDisability != null ? intakeDisability
                : assessments.stream().map(Measurement::disability).filter(n -> n != null).findFirst().orElse(null);
    }

    /** Whether any assessment was entered into the system after this moment, whatever date it carries. */
    public boolean recordedAfter(OffsetDateTime moment) {
        return assessments.stream().anyMatch(a -> a.recordedAt().isAfter(moment));
    }
}

package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;

/** RED_FLAG dates an answer from when it was first saved, so a "yes" that already raised a decided flag does not raise another. */
class RedFlagRuleTest {

    private static final LocalDate D = LocalDate.of(2026, 12, 2);
    private static final OffsetDateTime DECIDED = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void checkInSentAfterTheDecision_whoseRedFlagsWereSavedBeforeIt_shouldNotFireAgain() {
        var checkIn = new EpisodeFacts.Measurement(1, D, DECIDED.plusHours(2), 5, null, DECIDED.minusHours(1));
        assertFalse(new RedFlagRule().evaluate(facts(null, checkIn), D).isPresent());
    }

    @Test
    void checkInWhoseRedFlagsWereSavedAfterTheDecision_shouldFire() {
        var checkIn = new EpisodeFacts.Measurement(1, D, DECIDED.plusHours(2), 5, null, DECIDED.plusHours(1));
        assertTrue(new RedFlagRule().evaluate(facts(null, checkIn), D).isPresent());
    }

    @Test
    void intakeSubmittedAfterTheDecision_whoseRedFlagsWereSavedInTheDraftBeforeIt_shouldNotFireAgain() {
        assertFalse(new RedFlagRule().evaluate(facts(DECIDED.minusMinutes(30), null), D).isPresent());
        assertTrue(new RedFlagRule().evaluate(facts(DECIDED.plusMinutes(30), null), D).isPresent());
    }

    @Test
    void evidence_saysWhichRecordOnWhichDateAndWhatItAnswered_soTheFlagReadsInWords() {
        var visit = new EpisodeFacts.Measurement(7, D, DECIDED.plusHours(2), 5, null, DECIDED.plusHours(2), "CLINICIAN", List.of("fever"));
        EpisodeFacts facts = new EpisodeFacts(1, "UNDER_REVIEW", null, 6, null, DECIDED.plusHours(1), List.of(visit), List.of(), List.of(),
                Map.of(), null, Set.of(), List.of("saddleNumbness"));
        String evidence = new RedFlagRule().evaluate(facts, D).orElseThrow().toString();
        assertTrue(evidence.contains("\"source\":\"intake\"") && evidence.contains("\"redFlags\":[\"saddleNumbness\"]"), evidence);
        assertTrue(evidence.contains("\"recordedBy\":\"CLINICIAN\"") && evidence.contains("\"redFlags\":[\"fever\"]"), evidence);
        String sentence = FlagExplanation.sentence(FlagRule.RED_FLAG, evidence);
        assertTrue(sentence.contains("at the intake (saved 2026-12-01)") && sentence.contains("at the clinic visit of 2026-12-02: “"), sentence);
    }

    private static EpisodeFacts facts(OffsetDateTime intakeRedFlagsAt, EpisodeFacts.Measurement assessment) {
        return new EpisodeFacts(1, "UNDER_REVIEW", null, 6, null, intakeRedFlagsAt, assessment == null ? List.of() : List.of(assessment),
                List.of(), List.of(), Map.of(FlagRule.RED_FLAG, new EpisodeFacts.Decision("DISMISSED", DECIDED, null)), null, Set.of());
    }
}

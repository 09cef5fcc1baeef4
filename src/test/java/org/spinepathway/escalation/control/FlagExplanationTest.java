package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;

class FlagExplanationTest {

    private static final String SADDLE = "“Do you have numbness or tingling between your legs, around your bottom or genitals"
            + " (the area that would touch a saddle)?”";

    /** Internal names a reader must never see: rule and enum codes, camel-case answer codes, JSON. */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,}_[A-Z_]+|\\b[a-z]+[A-Z][a-zA-Z]*\\b|\\{\"|\\bLEFT\\b|\\bRIGHT\\b");

    @Test
    void notImproving_givesBaselineToLatest_withTheThresholdsAndDates() {
        assertEquals("No clinically important improvement 42 or more days into care (care started 2026-09-01): pain 7 → 6"
                        + " (improvement needs a fall of 2 points and 30%), ODI/NDI 44 → not measured (improvement needs a fall of 10 points);"
                        + " latest assessment 2026-10-15.",
                FlagExplanation.sentence(FlagRule.NOT_IMPROVING, "{\"afterDays\":42,\"careStart\":\"2026-09-01\",\"baselineNrs\":7,\"latestNrs\":6,"
                        + "\"baselineDisability\":44.0,\"latestDisability\":null,\"latestAssessmentOn\":\"2026-10-15\","
                        + "\"thresholds\":{\"painImprovementPoints\":2,\"painImprovementFraction\":0.30,\"disabilityImprovementPoints\":10}}"));
    }

    @Test
    void worsening_givesBaselineToLatest_withTheThresholds() {
        assertEquals("Worse than at the start of care (care started 2026-09-01): pain 5 → 8 (worse by 2 or more counts),"
                        + " ODI/NDI 30 → 42 (worse by 10 or more counts); latest assessment 2026-10-01.",
                FlagExplanation.sentence(FlagRule.WORSENING, "{\"careStart\":\"2026-09-01\",\"baselineNrs\":5,\"latestNrs\":8,"
                        + "\"baselineDisability\":30,\"latestDisability\":42.00,\"painPoints\":2,\"disabilityPoints\":10,"
                        + "\"latestAssessmentOn\":\"2026-10-01\"}"));
    }

    @Test
    void motorDecline_namesTheMyotomeByItsMovement_theSide_andTheGradesWithTheirDates() {
        assertEquals("Motor strength on the MRC scale (0 to 5): L5 (big toe extension) left fell from grade 5 on 2026-10-01 to grade 4 on 2026-11-01.",
                FlagExplanation.sentence(FlagRule.MOTOR_DECLINE, "{\"threshold\":3,\"findings\":[{\"myotome\":\"L5\",\"side\":\"LEFT\","
                        + "\"latest\":4,\"latestOn\":\"2026-11-01\",\"previous\":5,\"previousOn\":\"2026-10-01\",\"reason\":\"grade fell from 5 to 4\"}]}"));
        assertEquals("Motor strength on the MRC scale (0 to 5): S1 (ankle plantar flexion) right is grade 3 on 2026-11-01, 3 or below is weak"
                        + " (first grading).",
                FlagExplanation.sentence(FlagRule.MOTOR_DECLINE, "{\"threshold\":3,\"findings\":[{\"myotome\":\"S1\",\"side\":\"RIGHT\","
                        + "\"latest\":3,\"latestOn\":\"2026-11-01\",\"previous\":null,\"previousOn\":null,\"reason\":\"grade 3 is 3 or below\"}]}"));
    }

    @Test
    void redFlagRaisedFromADraft_namesTheQuestionAsAsked_andThatTheIntakeWasNotSentYet() {
        String sentence = FlagExplanation.sentence(FlagRule.RED_FLAG,
                "{\"source\":\"intake\",\"recordedOn\":\"2026-12-02\",\"redFlags\":[\"saddleNumbness\"],\"beforeSubmission\":true}");
        assertEquals("Answered yes at the intake on 2026-12-02, before it was sent: " + SADDLE + ".", sentence);
    }

    @Test
    void redFlagOfTheNightlyJob_saysWhichRecord_onWhichDate_andWhatItSaid() {
        String sentence = FlagExplanation.sentence(FlagRule.RED_FLAG, "{\"redFlagAnswers\":["
                + "{\"source\":\"assessment\",\"recordedBy\":\"PATIENT\",\"date\":\"2026-11-20\",\"redFlags\":[\"saddleNumbness\"]},"
                + "{\"source\":\"assessment\",\"recordedBy\":\"CLINICIAN\",\"date\":\"2026-11-24\",\"redFlags\":[\"fever\"]}],"
                + "\"afterDecisionAt\":\"2026-10-01T10:00Z\"}");
        assertTrue(sentence.startsWith("Answered yes at the patient's check-in of 2026-11-20: " + SADDLE + "; answered yes at the clinic visit of 2026-11-24: “"),
                sentence);
        assertTrue(sentence.endsWith("(recorded after the last decision on this red flag, 2026-10-01)."), sentence);
    }

    @Test
    void everyRule_hasASentence_withoutCodes_evenForUnreadableEvidence() {
        for (FlagRule rule : FlagRule.values()) {
            String sentence = FlagExplanation.sentence(rule, "{}");
            assertTrue(sentence.endsWith("."), rule.name());
            assertFalse(CODE.matcher(sentence).find(), rule + ": " + sentence);
        }
        assertFalse(CODE.matcher(FlagExplanation.sentence(FlagRule.RED_FLAG, "{\"redFlagAnswers\":[{\"source\":\"intake\",\"recordedAt\":"
                + "\"2026-11-02T09:00:00Z\",\"redFlags\":[\"bladderBowelChange\",\"unknownCode\"]}]}")).find());
        assertEquals("The rule fired; its evidence could not be read.", FlagExplanation.sentence(FlagRule.WORSENING, "not json"));
    }
}

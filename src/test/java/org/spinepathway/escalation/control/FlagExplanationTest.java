package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;

class FlagExplanationTest {

    @Test
    void notImproving_saysTheNumbersTheRuleSaw() {
        assertEquals("No clinically important improvement 42 or more days into care: pain 7 → 6, ODI/NDI 44 → not measured.",
                FlagExplanation.sentence(FlagRule.NOT_IMPROVING, "{\"afterDays\":42,\"baselineNrs\":7,\"latestNrs\":6,\"baselineDisability\":44.0,\"latestDisability\":null}"));
    }

    @Test
    void motorDecline_namesTheMyotomeSideAndWhy() {
        assertEquals("Motor strength: L5 left: grade fell from 5 to 4.", FlagExplanation.sentence(FlagRule.MOTOR_DECLINE,
                "{\"findings\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"latest\":4,\"previous\":5,\"reason\":\"grade fell from 5 to 4\"}]}"));
    }

    @Test
    void redFlag_fromTheIntakeOrTheJob() {
        assertEquals("A red-flag question was answered yes (saddleNumbness).",
                FlagExplanation.sentence(FlagRule.RED_FLAG, "{\"source\":\"intake\",\"redFlags\":[\"saddleNumbness\"]}"));
        assertEquals("A red-flag question was answered yes in 2 records entered after the last decision.",
                FlagExplanation.sentence(FlagRule.RED_FLAG, "{\"redFlagAnswers\":[{},{}],\"afterDecisionAt\":\"2026-10-01T10:00Z\"}"));
    }

    @Test
    void everyRule_hasASentence_evenForUnreadableEvidence() {
        for (FlagRule rule : FlagRule.values()) {
            assertTrue(FlagExplanation.sentence(rule, "{}").endsWith("."), rule.name());
        }
        assertEquals("The rule fired; its evidence could not be read.", FlagExplanation.sentence(FlagRule.WORSENING, "not json"));
    }
}

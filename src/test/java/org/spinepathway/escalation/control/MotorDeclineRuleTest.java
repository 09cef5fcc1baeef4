package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.control.MotorDeclineRule.Grade;

class MotorDeclineRuleTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 21);
    private final MotorDeclineRule rule = new MotorDeclineRule(MotorDeclineRule.DEFAULT_WEAK_GRADE);

    @ParameterizedTest(name = "{0} then {1} -> fires: {2}")
    @CsvSource({
            "-1, 5, false",  // a first grade of 5
            "-1, 4, false",  // a first grade of 4
            "-1, 3, true",   // a first grade of 3: weak
            "4, 4, false",   // unchanged
            "5, 4, true",    // fell by one
            "5, 5, false",
            "3, 4, false",   // recovered from 3 to 4: above 3 and no fall
            "4, 2, true",    // fell and is weak
    })
    void latestGradeAgainstPrevious(int previous, int latest, boolean fires) {
        List<Grade> grades = previous < 0
                ? List.of(new Grade(2, D.minusDays(1), "L5", "LEFT", latest))
                : List.of(new Grade(1, D.minusDays(20), "L5", "LEFT", previous), new Grade(2, D.minusDays(1), "L5", "LEFT", latest));
        assertEquals(fires, !rule.evaluate(grades, D).isEmpty());
    }

    @Test
    void eachMyotomeAndSide_shouldBeJudgedAgainstItsOwnHistory() {
        List<Grade> grades = List.of(
                new Grade(1, D.minusDays(30), "L5", "LEFT", 5), new Grade(1, D.minusDays(30), "L5", "RIGHT", 4),
                new Grade(2, D.minusDays(2), "L5", "RIGHT", 5), new Grade(2, D.minusDays(2), "S1", "LEFT", 5),
                new Grade(3, D.minusDays(1), "L5", "LEFT", 4));
        var findings = rule.evaluate(grades, D);
        assertEquals(1, findings.size());
        assertEquals("L5", findings.get(0).myotome());
        assertEquals("LEFT", findings.get(0).side());
        assertEquals(5, findings.get(0).previous());
        assertEquals(4, findings.get(0).latest());
    }

    @Test
    void gradesAfterTheEvaluationDate_shouldNotCount() {
        List<Grade> grades = List.of(new Grade(1, D.minusDays(5), "C6", "LEFT", 5), new Grade(2, D.plusDays(1), "C6", "LEFT", 2));
        assertTrue(rule.evaluate(grades, D).isEmpty());
        assertEquals(1, rule.evaluate(grades, D.plusDays(1)).size());
    }

    @Test
    void aRecoveryAfterAFall_shouldNotFire() {
        List<Grade> grades = List.of(new Grade(1, D.minusDays(30), "C7", "RIGHT", 5), new Grade(2, D.minusDays(20), "C7", "RIGHT", 4),
                new Grade(3, D.minusDays(1), "C7", "RIGHT", 5));
        assertTrue(rule.evaluate(grades, D).isEmpty());
    }
}

package org.spinepathway.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ODI/NDI scoring: Fairbank & Pynsent (Spine 2000) and Vernon (JMPT 2008) scoring rules. */
class DisabilityScoreTest {

    @Test
    void allTenAnswered_shouldScoreSumTimesTwo() {
        // Fairbank's worked example: sum 16 of a possible 50 -> 32%.
        DisabilityScore score = DisabilityScore.of(List.of(2, 1, 3, 2, 1, 2, 1, 2, 1, 1));
        assertEquals(16, score.sum());
        assertEquals(new BigDecimal("32.0"), score.percent());
        assertTrue(score.missingSections().isEmpty());
    }

    @Test
    void oneSectionSkipped_shouldDivideByFortyFive() {
        // Sum 16 with nine sections answered: 16 / 45 * 100 = 35.6%.
        DisabilityScore score = DisabilityScore.of(Arrays.asList(2, 1, 3, 2, 1, 2, 1, 2, 2, null));
        assertEquals(16, score.sum());
        assertEquals(9, score.answered());
        assertEquals(new BigDecimal("35.6"), score.percent());
        assertEquals(List.of(10), score.missingSections());
    }

    @Test
    void eightAnswered_shouldStillBeScored() {
        DisabilityScore score = DisabilityScore.of(Arrays.asList(null, 5, 5, 5, 5, 0, 0, null, 0, 0));
        assertEquals(8, score.answered());
        assertEquals(new BigDecimal("50.0"), score.percent());
        assertEquals(List.of(1, 8), score.missingSections());
    }

    @Test
    void sevenAnswered_shouldNotBeScored_andNameTheMissingSections() {
        DisabilityScore score = DisabilityScore.of(Arrays.asList(1, null, 1, null, 1, null, 1, 1, 1, 1));
        assertFalse(score.isScored());
        assertNull(score.percent());
        assertEquals(List.of(2, 4, 6), score.missingSections());
    }

    @Test
    void noneAnswered_shouldNotBeScored() {
        assertFalse(DisabilityScore.of(Arrays.asList(new Integer[10])).isScored());
    }

    @ParameterizedTest(name = "all sections {0} -> {1}%")
    @CsvSource({"0,0.0", "1,20.0", "3,60.0", "5,100.0"})
    void uniformAnswers_shouldSpanZeroToHundred(int each, String percent) {
        assertEquals(new BigDecimal(percent), DisabilityScore.of(java.util.Collections.nCopies(10, each)).percent());
    }

    @Test
    void outOfRangeOrWrongLength_shouldBeRefused() {
        assertThrows(IllegalArgumentException.class, () -> DisabilityScore.of(List.of(6, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> DisabilityScore.of(List.of(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> DisabilityScore.of(List.of(0, 0, 0)));
    }
}

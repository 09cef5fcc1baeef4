package org.spinepathway.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keele STarT Back scoring (Hill et al., Arthritis Rheum 2008). */
class StartBackScoreTest {

    @ParameterizedTest(name = "{0} -> total {1}, psychosocial {2}, {3}")
    @CsvSource(delimiter = '|', value = {
            "0,0,0,0,0,0,0,0,0 | 0 | 0 | LOW",
            "1,1,1,0,0,0,0,0,2 | 3 | 0 | LOW",     // physical items only, total 3: low
            "1,1,1,0,1,0,0,0,2 | 4 | 1 | MEDIUM",  // total 4, subscore 1
            "0,0,0,0,1,1,1,0,2 | 3 | 3 | LOW",     // subscore 3 but total 3: low wins
            "1,0,0,0,1,1,1,0,4 | 5 | 4 | HIGH",    // 'extremely' bothersome counts: subscore 4
            "1,1,1,1,1,1,1,1,3 | 9 | 5 | HIGH",    // 'very much' counts too
            "1,1,1,1,0,1,1,0,2 | 6 | 2 | MEDIUM",  // 'moderately' does not count
    })
    void score_shouldFollowKeeleCutOffs(String items, int total, int psychosocial, StartBackScore.Risk risk) {
        StartBackScore score = StartBackScore.of(Arrays.stream(items.split(",")).map(Integer::valueOf).toList()).orElseThrow();
        assertEquals(total, score.total());
        assertEquals(psychosocial, score.psychosocial());
        assertEquals(risk, score.risk());
    }

    @Test
    void anUnansweredItem_shouldLeaveTheOptionalScreenUnscored() {
        assertTrue(StartBackScore.of(Arrays.asList(1, 1, 1, 1, null, 1, 1, 1, 4)).isEmpty());
        assertTrue(StartBackScore.of(null).isEmpty());
    }

    @Test
    void outOfRangeAnswers_shouldBeRefused() {
        assertThrows(IllegalArgumentException.class, () -> StartBackScore.of(List.of(2, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> StartBackScore.of(List.of(0, 0, 0, 0, 0, 0, 0, 0, 5)));
    }
}

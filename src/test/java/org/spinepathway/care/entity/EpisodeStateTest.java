package org.spinepathway.care.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpisodeStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "INTAKE, CONSERVATIVE_CARE, true",
            "INTAKE, UNDER_REVIEW, true",
            "INTAKE, REFERRED, false",
            "CONSERVATIVE_CARE, UNDER_REVIEW, true",
            "CONSERVATIVE_CARE, INTAKE, false",
            "CONSERVATIVE_CARE, REFERRED, false",
            "UNDER_REVIEW, CONSERVATIVE_CARE, true",
            "UNDER_REVIEW, REFERRED, true",
            "UNDER_REVIEW, RESOLVED, true",
            "REFERRED, CONSERVATIVE_CARE, false",
            "RESOLVED, UNDER_REVIEW, false",
            "DISCHARGED, INTAKE, false",
    })
    void moves_shouldFollowDesignMd(EpisodeState from, EpisodeState to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @Test
    void anEpisode_shouldRefuseAMoveOffThePath_andKeepItsState() {
        EpisodeOfCare episode = new EpisodeOfCare(1, SpineRegion.LUMBAR, Side.LEFT, LocalDate.of(2026, 1, 5));
        episode.startCare();
        episode.putUnderReview();
        episode.moveTo(EpisodeState.REFERRED);
        assertThrows(IllegalStateException.class, () -> episode.moveTo(EpisodeState.CONSERVATIVE_CARE));
        assertEquals(EpisodeState.REFERRED, episode.getState());
        episode.putUnderReview();
        assertEquals(EpisodeState.REFERRED, episode.getState(), "a referred episode leaves the rules");
    }
}

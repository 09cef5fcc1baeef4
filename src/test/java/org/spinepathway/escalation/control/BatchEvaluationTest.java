package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;

class BatchEvaluationTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 1);

    @Test
    void oneEpisodesFailure_isCountedAndLogged_andTheOthersAreEvaluated() {
        List<Long> written = new ArrayList<>();
        List<Long> failedEpisodes = new ArrayList<>();
        BatchEvaluation batch = new BatchEvaluation(new EpisodeEvaluation(EscalationThresholds.defaults()), (episodeId, finding) -> {
            if (episodeId == 2) {
                throw new IllegalStateException("episode 2's data is broken");
            }
            written.add(episodeId);
            return true;
        });
        BatchEvaluation.Tally tally = new BatchEvaluation.Tally();

        batch.evaluate(List.of(overdue(1), overdue(2), overdue(3)), D, tally, (episode, failure) -> failedEpisodes.add(episode.episodeId()));

        assertEquals(List.of(1L, 3L), written);
        assertEquals(List.of(2L), failedEpisodes, "the failure names its episode");
        assertEquals(2, tally.evaluated());
        assertEquals(2, tally.raised());
        assertEquals(1, tally.failures());
    }

    @Test
    void aFlagOpenAlready_isNotCountedAsRaised() {
        BatchEvaluation batch = new BatchEvaluation(new EpisodeEvaluation(EscalationThresholds.defaults()), (episodeId, finding) -> false);
        BatchEvaluation.Tally tally = new BatchEvaluation.Tally();
        batch.evaluate(List.of(overdue(1)), D, tally);
        assertEquals(1, tally.evaluated());
        assertEquals(0, tally.raised());
    }

    /** In conservative care for 30 days and never assessed: FOLLOW_UP_OVERDUE fires. */
    private static EpisodeFacts overdue(long id) {
        return new EpisodeFacts(id, "CONSERVATIVE_CARE", D.minusDays(30), 6, null, null, List.of(), List.of(), List.of(),
                Map.<FlagRule, EpisodeFacts.Decision>of(), null, Set.of());
    }

}

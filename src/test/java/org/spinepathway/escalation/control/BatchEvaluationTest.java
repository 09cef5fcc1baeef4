package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.testing.PackagedSettings;

class BatchEvaluationTest {

    private static final LocalDate D = LocalDate.of(2026, 11, 1);

    @Test
    void oneEpisodesFailure_isCountedAndLogged_andTheOthersAreWritten() {
        List<Long> written = new ArrayList<>();
        List<Long> failedEpisodes = new ArrayList<>();
        BatchEvaluation batch = new BatchEvaluation(new EpisodeEvaluation(PackagedSettings.thresholds()), findings -> {
            if (findings.stream().anyMatch(f -> f.episodeId() == 2)) {
                throw new IllegalStateException("episode 2's data is broken");
            }
            findings.forEach(f -> written.add(f.episodeId()));
            return findings.size();
        });
        BatchEvaluation.Tally tally = new BatchEvaluation.Tally();

        batch.evaluate(List.of(overdue(1), overdue(2), overdue(3)), D, tally, (episode, failure) -> failedEpisodes.add(episode));

        assertEquals(List.of(1L, 3L), written, "the batch failed as a whole, then was written episode by episode");
        assertEquals(List.of(2L), failedEpisodes, "the failure names its episode");
        assertEquals(2, tally.evaluated());
        assertEquals(2, tally.raised());
        assertEquals(1, tally.failures());
    }

    @Test
    void aBatch_isWrittenAtOnce() {
        List<Integer> calls = new ArrayList<>();
        BatchEvaluation batch = new BatchEvaluation(new EpisodeEvaluation(PackagedSettings.thresholds()), findings -> {
            calls.add(findings.size());
            return findings.size() - 1;   // one of them was open already
        });
        BatchEvaluation.Tally tally = new BatchEvaluation.Tally();
        batch.evaluate(List.of(overdue(1), overdue(2), overdue(3)), D, tally);
        assertEquals(List.of(3), calls, "one write for the batch");
        assertEquals(3, tally.evaluated());
        assertEquals(2, tally.raised());
    }

    /** In conservative care for 30 days and never assessed: FOLLOW_UP_OVERDUE fires. */
    private static EpisodeFacts overdue(long id) {
        return new EpisodeFacts(id, "CONSERVATIVE_CARE", D.minusDays(30), 6, null, null, List.of(), List.of(), List.of(),
                Map.<FlagRule, EpisodeFacts.Decision>of(), null, Set.of());
    }

}

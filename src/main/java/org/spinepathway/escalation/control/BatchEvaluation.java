package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates one batch of episodes and hands each finding to the writer. One episode's bad data
 * (or a failure writing its flag) is logged with the episode's id and counted; the others go on.
 */
public final class BatchEvaluation {

    private static final Logger LOG = Logger.getLogger(BatchEvaluation.class.getName());

    /** Running totals of one evaluation run. */
    public static final class Tally {
        private int evaluated;
        private int raised;
        private int failures;

        public int evaluated() { return evaluated; }
        public int raised() { return raised; }
        public int failures() { return failures; }
    }

    /** Writes a finding as a flag; answers whether a new flag was raised (false when one was open already). */
    @FunctionalInterface
    public interface FlagWriter {
        boolean raise(long episodeId, EpisodeEvaluation.Finding finding);
    }

    private final EpisodeEvaluation evaluation;
    private final FlagWriter writer;

    public BatchEvaluation(EpisodeEvaluation evaluation, FlagWriter writer) {
        this.evaluation = evaluation;
        this.writer = writer;
    }

    public void evaluate(List<EpisodeFacts> batch, LocalDate d, Tally tally) {
        evaluate(batch, d, tally, (episode, failure) -> LOG.log(Level.WARNING,
                "Escalation rules failed on episode " + episode.episodeId() + " as of " + d + "; the other episodes go on", failure));
    }

    void evaluate(List<EpisodeFacts> batch, LocalDate d, Tally tally, BiConsumer<EpisodeFacts, RuntimeException> onFailure) {
        for (EpisodeFacts episode : batch) {
            try {
                for (EpisodeEvaluation.Finding finding : evaluation.evaluate(episode, d)) {
                    if (writer.raise(episode.episodeId(), finding)) {
                        tally.raised++;
                    }
                }
                tally.evaluated++;
            } catch (RuntimeException failure) {
                tally.failures++;
                onFailure.accept(episode, failure);
            }
        }
    }
}

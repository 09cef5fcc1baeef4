package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.spinepathway.platform.control.LogSafe;

/**
 * Evaluates one batch of episodes and hands the batch's findings to the writer at once. One
 * episode's bad data (or a failure writing its flags) is logged with the episode's id and counted;
 * the others go on: when writing the whole batch fails, it is written again episode by episode.
 */
public final class BatchEvaluation {

    private static final Logger LOG = Logger.getLogger(BatchEvaluation.class.getName());

    /** Running totals of one evaluation run. */
    public static final class Tally {
        private int evaluated;
        private int raised;
        private int failures;
        private long rulesNanos;
        private long writeNanos;

        public int evaluated() { return evaluated; }
        public long rulesMillis() { return rulesNanos / 1_000_000; }
        public long writeMillis() { return writeNanos / 1_000_000; }
        public int raised() { return raised; }
        public int failures() { return failures; }
    }

    /** A finding waiting to be written, with its episode. */
    public record Pending(long episodeId, EpisodeEvaluation.Finding finding) {
    }

    /** Writes findings as flags; answers how many new flags it raised (findings with an open flag raise none). */
    @FunctionalInterface
    public interface FlagWriter {
        int raiseAll(List<Pending> findings);
    }

    private final EpisodeEvaluation evaluation;
    private final FlagWriter writer;

    public BatchEvaluation(EpisodeEvaluation evaluation, FlagWriter writer) {
        this.evaluation = evaluation;
        this.writer = writer;
    }

    public void evaluate(List<EpisodeFacts> batch, LocalDate d, Tally tally) {
        evaluate(batch, d, tally, (episode, failure) -> LOG.log(Level.WARNING,
                "Escalation rules failed on episode " + episode + " as of " + d + "; the other episodes go on", LogSafe.throwable(failure)));
    }

    void evaluate(List<EpisodeFacts> batch, LocalDate d, Tally tally, BiConsumer<Long, RuntimeException> onFailure) {
        long started = System.nanoTime();
        Map<Long, List<Pending>> byEpisode = new LinkedHashMap<>();
        for (EpisodeFacts episode : batch) {
            try {
                List<Pending> found = new ArrayList<>();
                evaluation.evaluate(episode, d).forEach(f -> found.add(new Pending(episode.episodeId(), f)));
                byEpisode.put(episode.episodeId(), found);
            } catch (RuntimeException failure) {
                tally.failures++;
                onFailure.accept(episode.episodeId(), failure);
            }
        }
        List<Pending> all = byEpisode.values().stream().flatMap(List::stream).toList();
        long evaluatedAt = System.nanoTime();
        tally.rulesNanos += evaluatedAt - started;
        try {
            tally.raised += all.isEmpty() ? 0 : writer.raiseAll(all);
            tally.evaluated += byEpisode.size();
        } catch (RuntimeException batchFailed) {
            // Find the episode that fails: write the batch again one episode at a time.
            for (Map.Entry<Long, List<Pending>> episode : byEpisode.entrySet()) {
                try {
                    tally.raised += episode.getValue().isEmpty() ? 0 : writer.raiseAll(episode.getValue());
                    tally.evaluated++;
                } catch (RuntimeException failure) {
                    tally.failures++;
                    onFailure.accept(episode.getKey(), failure);
                }
            }
        }
        tally.writeNanos += System.nanoTime() - evaluatedAt;
    }
}

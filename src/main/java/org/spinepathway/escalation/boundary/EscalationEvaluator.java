package org.spinepathway.escalation.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.escalation.control.BatchEvaluation;
import org.spinepathway.escalation.control.EpisodeEvaluation;
import org.spinepathway.escalation.control.EpisodeFacts;
import org.spinepathway.escalation.control.EpisodeFactsReader;
import org.spinepathway.escalation.control.EscalationThresholds;
import org.spinepathway.escalation.control.EvaluationPipeline;
import org.spinepathway.escalation.entity.EvaluationRun;
import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.AdvisoryLock;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.LogSafe;

/**
 * Evaluates every active episode as of a date: the episodes' facts read in one pass (a cursor per
 * part, merged by episode id) on a second thread while this one runs the rules on the batch before
 * and raises its new flags in one transaction per batch. A PostgreSQL advisory lock, held on one
 * connection for the whole run, lets only one run happen at a time across every instance; a run
 * that finds it taken records SKIPPED and does nothing. The scheduled run also skips when another
 * instance has already done the day's scheduled run. The pass reads one snapshot, taken when it
 * starts: a visit recorded during the run is judged by the next run (a red flag on it raises its
 * flag at once, when it is saved).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class EscalationEvaluator {

    private static final Logger LOG = Logger.getLogger(EscalationEvaluator.class.getName());
    /** The advisory lock's key: any constant the clinic's other code does not use ("SPEV"). */
    static final long LOCK_KEY = 0x53504556L;
    /** The trigger of the nightly run, which happens once a day across all instances. */
    public static final String SCHEDULE = "SCHEDULE";

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Acting acting;

    @Inject
    EscalationThresholds thresholds;

    @Inject
    FlagBatchWriter batchWriter;

    @Inject
    EvaluationRuns runs;

    @Inject
    java.time.Clock clock;

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @Inject
    @ConfigProperty(name = "clinic.escalation.batch-size")
    int batchSize;

    /** Rows per round trip of the pass's cursors. */
    private static final int FETCH_SIZE = 5_000;
    /** Batches read ahead of the rules: enough to keep both sides busy, few enough to bound the memory. */
    private static final int BATCHES_AHEAD = 4;

    /** Reads the next batches while this thread evaluates and writes the one before. */
    @Resource
    ManagedExecutorService executor;

    /**
     * Runs the rules as of {@code asOf}.
     *
     * @throws ConflictException when another run (here or on another instance) holds the lock
     */
    public EvaluationRun evaluate(LocalDate asOf, String trigger) {
        if (asOf == null || asOf.isBefore(EARLIEST) || asOf.isAfter(LocalDate.now(clock).plusYears(2))) {
            throw org.spinepathway.platform.control.InvalidInputException.of("asOf", "Choose a date from 2000-01-01 to two years from today.");
        }
        String by = acting.name();
        try (Connection connection = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(connection, LOCK_KEY)) {
                long skipped = runs.start(asOf, trigger, by, "SKIPPED");
                runs.finish(skipped, 0, 0, 0, "SKIPPED", "another evaluation was running");
                throw new ConflictException(null, "An evaluation is running already (here or on another instance); try again when it has finished.");
            }
            if (SCHEDULE.equals(trigger) && scheduledRunDone(connection, asOf)) {
                // Every instance's timer fires; the lock keeps the runs apart, this keeps them to one a day.
                AdvisoryLock.unlock(connection, LOCK_KEY);
                long skipped = runs.start(asOf, trigger, by, "SKIPPED");
                return runs.finish(skipped, 0, 0, 0, "SKIPPED", "the scheduled evaluation of " + asOf + " was done already (here or on another instance)");
            }
            long runId = runs.start(asOf, trigger, by, "RUNNING");
            BatchEvaluation.Tally tally = new BatchEvaluation.Tally();
            try {
                BatchEvaluation batches = new BatchEvaluation(new EpisodeEvaluation(thresholds), this::write);
                AtomicLong readNanos = new AtomicLong();
                EvaluationPipeline.run(() -> new TimedPass(dataSource.getConnection(), asOf, batchSize, readNanos), executor, BATCHES_AHEAD,
                        batch -> batches.evaluate(batch, asOf, tally));
                String outcome = tally.failures() == 0 ? "COMPLETED" : "COMPLETED_WITH_ERRORS";
                LOG.info("Escalation evaluation " + runId + " as of " + asOf + ": " + tally.evaluated() + " episodes, "
                        + tally.raised() + " flags raised, " + tally.failures() + " failures; reading " + readNanos.get() / 1_000_000
                        + " ms, meanwhile rules " + tally.rulesMillis() + " ms, writing " + tally.writeMillis() + " ms");
                return runs.finish(runId, tally.evaluated(), tally.raised(), tally.failures(), outcome,
                        tally.failures() == 0 ? null : tally.failures() + " episodes failed; see the server log for their ids");
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                runs.finish(runId, tally.evaluated(), tally.raised(), tally.failures(), "FAILED", "stopped (the server is shutting down)");
                throw new IllegalStateException("The evaluation was stopped", stopped);
            } catch (RuntimeException failed) {
                LOG.log(Level.SEVERE, "Escalation evaluation " + runId + " as of " + asOf + " failed", LogSafe.throwable(failed));
                runs.finish(runId, tally.evaluated(), tally.raised(), tally.failures(), "FAILED", String.valueOf(failed.getMessage()));
                throw new IllegalStateException("The evaluation failed: " + failed.getMessage(), failed);
            } finally {
                AdvisoryLock.unlock(connection, LOCK_KEY);
            }
        } catch (SQLException connectionFailed) {
            throw new IllegalStateException("The database is not reachable for the evaluation", connectionFailed);
        }
    }

    /** The one pass over the active episodes on a connection of its own, timing its reads. */
    private static final class TimedPass implements EvaluationPipeline.Source<EpisodeFacts> {
        private final Connection connection;
        private final EpisodeFactsReader.Pass pass;
        private final int batchSize;
        private final AtomicLong readNanos;

        TimedPass(Connection connection, LocalDate asOf, int batchSize, AtomicLong readNanos) throws SQLException {
            this.connection = connection;
            this.batchSize = batchSize;
            this.readNanos = readNanos;
            try {
                this.pass = new EpisodeFactsReader(connection).pass(asOf, FETCH_SIZE);
            } catch (SQLException | RuntimeException failed) {
                connection.close();
                throw failed;
            }
        }

        @Override
        public List<EpisodeFacts> next() throws SQLException {
            long started = System.nanoTime();
            List<EpisodeFacts> batch = pass.next(batchSize);
            readNanos.addAndGet(System.nanoTime() - started);
            return batch;
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                pass.close();
            }
        }
    }

    /** The batch's findings, written in one transaction. */
    private int write(List<BatchEvaluation.Pending> findings) {
        try {
            return batchWriter.raiseAll(findings.stream().map(p -> new FlagBatchWriter.EpisodeFinding(p.episodeId(), p.finding())).toList());
        } catch (SQLException failed) {
            throw new IllegalStateException("could not write the batch's flags: " + failed.getMessage(), failed);
        }
    }

    private static boolean scheduledRunDone(Connection connection, LocalDate asOf) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM evaluation_run WHERE trigger_kind = ? AND as_of = ?"
                + " AND outcome IN ('COMPLETED', 'COMPLETED_WITH_ERRORS')")) {
            q.setString(1, SCHEDULE);
            q.setObject(2, asOf);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}

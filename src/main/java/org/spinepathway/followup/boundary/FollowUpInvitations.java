package org.spinepathway.followup.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.followup.control.DueCheckIn;
import org.spinepathway.followup.control.InvitationQueries;
import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.platform.control.AdvisoryLock;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;

/**
 * The invitation job: as of a date, invites every patient whose check-in is due (weekly while in
 * care, outcome time points after care start) and reminds those who have not answered after
 * {@code clinic.follow-up.reminder-spacing-days}, at most {@code clinic.follow-up.reminders} times.
 * Set-based: one query finds every due check-in across all episodes, one finds every due reminder;
 * they are read as cursors and written in batches of {@code clinic.follow-up.batch-size}, each batch
 * one transaction with its links and messages. As with the escalation evaluation, a PostgreSQL
 * advisory lock lets one run happen at a time across every instance (a run that finds it taken is
 * refused); and running again, here or elsewhere, sends nothing new: an invitation is unique per
 * episode and time point, and a reminder is counted only when its spacing has passed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class FollowUpInvitations {

    private static final Logger LOG = Logger.getLogger(FollowUpInvitations.class.getName());
    /** The advisory lock's key ("SPFU"), distinct from the evaluation's. */
    static final long LOCK_KEY = 0x53504655L;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int FETCH_SIZE = 5_000;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    CheckInSchedule schedule;

    @Inject
    FollowUpBatches batches;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.reminders")
    int maxReminders;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.reminder-spacing-days")
    int spacingDays;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.batch-size")
    int batchSize;

    /** What a run sent. */
    public record Result(LocalDate asOf, int invited, int reminded) {
    }

    @PostConstruct
    void check() {
        if (maxReminders < 0 || maxReminders > 5) {
            throw new IllegalArgumentException("clinic.follow-up.reminders must be 0 to 5");
        }
        if (spacingDays < 1) {
            throw new IllegalArgumentException("clinic.follow-up.reminder-spacing-days must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("clinic.follow-up.batch-size must be at least 1");
        }
    }

    /**
     * Sends the invitations and reminders due on {@code asOf}.
     *
     * @throws ConflictException when another run (here or on another instance) holds the lock
     */
    public Result run(LocalDate asOf) {
        if (asOf == null || asOf.isBefore(EARLIEST) || asOf.isAfter(LocalDate.now(clock))) {
            // Not ahead of today: a link must not open a window that has not opened, nor a reminder wait on a day to come.
            throw InvalidInputException.of("asOf", "Choose a date from 2000-01-01 to today.");
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!AdvisoryLock.tryLock(lock, LOCK_KEY)) {
                throw new ConflictException(null, "Follow-up invitations are being sent already (here or on another instance);"
                        + " try again when that has finished.");
            }
            try {
                long started = System.nanoTime();
                LocalDate today = LocalDate.now(clock);
                int invited = pass(c -> InvitationQueries.due(c, schedule.schedule(), asOf, today, FETCH_SIZE), InvitationQueries::dueRow,
                        batch -> batches.invite(batch, today));
                long invitedAt = System.nanoTime();
                int reminded = pass(c -> InvitationQueries.reminders(c, asOf, today, maxReminders, spacingDays, FETCH_SIZE),
                        InvitationQueries::reminderRow, batch -> batches.remind(batch, asOf, today, maxReminders, spacingDays));
                LOG.info("Follow-up invitations as of " + asOf + ": " + invited + " invited in " + (invitedAt - started) / 1_000_000
                        + " ms, " + reminded + " reminded in " + (System.nanoTime() - invitedAt) / 1_000_000 + " ms");
                return new Result(asOf, invited, reminded);
            } finally {
                AdvisoryLock.unlock(lock, LOCK_KEY);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The follow-up invitations could not be sent: " + failed.getMessage(), failed);
        }
    }

    private interface Query {
        PreparedStatement open(Connection c) throws SQLException;
    }

    private interface Row {
        DueCheckIn read(ResultSet rs) throws SQLException;
    }

    private interface Batch {
        int write(List<DueCheckIn> batch) throws SQLException;
    }

    /** Reads the query as a cursor on a connection of its own and writes it batch by batch; how many were sent. */
    private int pass(Query query, Row row, Batch write) throws SQLException {
        int sent = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement q = query.open(c); ResultSet rs = q.executeQuery()) {
                List<DueCheckIn> batch = new ArrayList<>(batchSize);
                while (rs.next()) {
                    batch.add(row.read(rs));
                    if (batch.size() == batchSize) {
                        sent += write.write(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    sent += write.write(batch);
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
        return sent;
    }
}
